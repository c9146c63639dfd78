//! Cue words for names: titles that announce a person ("Foreign Minister
//! Mevlüt Çavuşoğlu", "Kanzlerin Merkel"), head words that make a capitalised
//! span an organisation ("... Ministry", "... Partei"), and the short words
//! that may sit inside a name ("Secretary of State", "Bashar al-Assad").
//! All keys are folded (see [`super::fold::fold`]).

use std::collections::HashSet;
use std::sync::OnceLock;

const PERSON_TITLES: &[&str] = &[
    // en
    "president",
    "minister",
    "fm",
    "premier",
    "chancellor",
    "secretary",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "senator",
    "sen",
    "governor",
    "gov",
    "mayor",
    "general",
    "gen",
    "colonel",
    "col",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sheikh",
    "emir",
    "sultan",
    "ayatollah",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "counterpart",
    "ambassador",
    "envoy",
    "chairman",
    "chairwoman",
    "chair",
    "chairperson",
    "ceo",
    "judge",
    "coach",
    // Sports positions before a player's name ("Chargers WR Jackson").
    "qb",
    "wr",
    "rb",
    "quarterback",
    "pitcher",
    "striker",
    "goalkeeper",
    "midfielder",
    "actress",
    "actor",
    "singer",
    "rapper",
    "lawmaker",
    "speaker",
    "congressman",
    "congresswoman",
    "rep",
    "director",
    "commissioner",
    "chief",
    "leader",
    "delegate",
    "captain",
    "capt",
    "officer",
    "sgt",
    "sergeant",
    "constable",
    "const",
    "detective",
    "det",
    "sheriff",
    "inspector",
    "supt",
    "superintendent",
    "trooper",
    "lt",
    "archbishop",
    "bishop",
    "rabbi",
    "imam",
    "cardinal",
    "justice",
    "attorney",
    "professor",
    "minister-president",
    // de
    "prasident",
    "prasidentin",
    "kanzler",
    "kanzlerin",
    "bundeskanzler",
    "bundeskanzlerin",
    "ministerin",
    "aussenminister",
    "aussenministerin",
    "innenminister",
    "innenministerin",
    "ministerprasident",
    "ministerprasidentin",
    "burgermeister",
    "burgermeisterin",
    "sprecher",
    "sprecherin",
    "herr",
    "frau",
    "chefin",
    // "CDU-Chef Friedrich Merz", "Parteichef": the head of something
    "chef",
    "parteichef",
    "stabschef",
    "stabschefin",
    "konzernchef",
    "konzernchefin",
    "regierungssprecher",
    "regierungssprecherin",
    "pressesprecher",
    "pressesprecherin",
    "kremlsprecher",
    "parteichefin",
    "fraktionschef",
    "fraktionschefin",
    "regierungschef",
    "regierungschefin",
    "staatschef",
    "staatschefin",
    "kremlchef",
    "polizeichef",
    "polizeichefin",
    "armeechef",
    "militarchef",
    "geheimdienstchef",
    "geheimdienstchefin",
    "vorstandschef",
    "vorstandschefin",
    "firmenchef",
    "firmenchefin",
    "unternehmenschef",
    "unternehmenschefin",
    "gewerkschaftschef",
    "gewerkschaftschefin",
    "oppositionschef",
    "oppositionschefin",
    "landeschef",
    "landeschefin",
    "bankchef",
    "bankchefin",
    "bahnchef",
    "bahnchefin",
    "teamchef",
    "polizeisprecher",
    "polizeisprecherin",
    "armeesprecher",
    "militarsprecher",
    "ministeriumssprecher",
    "ministeriumssprecherin",
    "konzernsprecher",
    "konzernsprecherin",
    "unternehmenssprecher",
    "unternehmenssprecherin",
    "feuerwehrsprecher",
    "feuerwehrsprecherin",
    "parteisprecher",
    "parteisprecherin",
    "oppositionsfuhrer",
    "oppositionsfuhrerin",
    "konig",
    "konigin",
    "prinz",
    "prinzessin",
    "kardinal",
    "bischof",
    "bischofin",
    "erzbischof",
    "vorsitzende",
    "vorsitzender",
    "trainer",
    "gesundheitsminister",
    "gesundheitsministerin",
    "finanzminister",
    "finanzministerin",
    "verteidigungsminister",
    "verteidigungsministerin",
    "bundesprasident",
    "papst",
    // es / pt / it
    "presidente",
    "presidenta",
    "ministro",
    "ministra",
    "canciller",
    "alcalde",
    "alcaldesa",
    "rey",
    "reina",
    "senor",
    "senora",
    "portavoz",
    "gobernador",
    "gobernadora",
    "secretario",
    "secretaria",
    "papa",
    "sindaco",
    "don",
    "dona",
    // fr
    "ministre",
    "chanceliere",
    "maire",
    "roi",
    "reine",
    "m",
    "mme",
    "porte-parole",
    // tr (titles follow the office: "Dışişleri Bakanı Mevlüt Çavuşoğlu")
    "cumhurbaskani",
    "basbakan",
    "basbakani",
    "bakani",
    "bakan",
    "baskani",
    "sozcusu",
    "valisi",
    "buyukelcisi",
    "genel",
    "sekreteri",
    // pl
    "prezydent",
    "szef",
    "szefowa",
    "rzecznik",
    "rzeczniczka",
    "pan",
    "pani",
    "kanclerz",
    "wiceminister",
    "wicepremier",
    "marszalek",
    "poslanka",
    "posel",
    // ru (nominative, genitive, instrumental: "с президентом")
    "президент",
    "президента",
    "президентом",
    "премьер",
    "министр",
    "министра",
    "министром",
    "глава",
    "главы",
    "канцлер",
    "канцлера",
    "госсекретарь",
    "госсекретаря",
    "генсек",
    "генсекретарь",
    "председатель",
    "председателя",
    "пресс-секретарь",
    "спикер",
    "посол",
    "посла",
    "мэр",
    "мэра",
    "губернатор",
    "губернатора",
    "лидер",
    "лидера",
    "генерал",
    "депутат",
    "адвокат",
    "адвоката",
    "прокурор",
    "прокурора",
    "судья",
    "судьи",
    "журналист",
    "журналистка",
    "журналистку",
    "журналиста",
    "представитель",
    "представителя",
];

const ORG_HEADS: &[&str] = &[
    // en
    "ministry",
    "council",
    "organization",
    "organisation",
    "party",
    "university",
    "agency",
    "observatory",
    "union",
    "bank",
    "court",
    "committee",
    "commission",
    "army",
    "forces",
    "police",
    "inc",
    "corp",
    "ltd",
    "group",
    "association",
    "institute",
    "department",
    "parliament",
    "assembly",
    "office",
    "company",
    "news",
    "times",
    "post",
    "press",
    "network",
    "federation",
    "league",
    "club",
    "fc",
    "foundation",
    "fund",
    "service",
    "authority",
    "airlines",
    "airways",
    "corporation",
    "coalition",
    "front",
    "movement",
    "brigade",
    "guard",
    "navy",
    "congress",
    "senate",
    "cabinet",
    "government",
    "administration",
    "hospital",
    "school",
    "college",
    "centre",
    "center",
    "society",
    "institution",
    "bureau",
    "alliance",
    "treaty",
    "community",
    "house",
    "nations",
    "times",
    "ministries",
    // ru
    "министерство",
    "мид",
    "совет",
    "партия",
    "агентство",
    "правительство",
    "комитет",
    "университет",
    "банк",
    "суд",
    // de
    "ministerium",
    "rat",
    "partei",
    "universitat",
    "agentur",
    "gericht",
    "kommission",
    "polizei",
    "gruppe",
    "verband",
    "institut",
    "bundestag",
    "bundesrat",
    "regierung",
    "stiftung",
    "klinik",
    "amt",
    "behorde",
    "verein",
    "ag",
    "gmbh",
    "zeitung",
    // es / pt / it / fr
    "ministerio",
    "consejo",
    "organizacion",
    "partido",
    "universidad",
    "agencia",
    "tribunal",
    "comision",
    "ejercito",
    "policia",
    "grupo",
    "asociacion",
    "instituto",
    "gobierno",
    "congreso",
    "ministere",
    "conseil",
    "parti",
    "universite",
    "agence",
    "commission",
    "armee",
    "gouvernement",
    "assemblee",
    "ministero",
    "governo",
    "partito",
    // tr
    "bakanligi",
    "konseyi",
    "partisi",
    "universitesi",
    "ajansi",
    "mahkemesi",
    "komisyonu",
    "ordusu",
    "orgutu",
    "meclisi",
    "belediyesi",
    "mudurlugu",
    "baskanligi",
    "vakfi",
    // pl
    "ministerstwo",
    "rada",
    "partia",
    "uniwersytet",
    "agencja",
    "sad",
    "komisja",
    "armia",
    "policja",
    "grupa",
    "stowarzyszenie",
    "sejm",
    "senat",
    "rzad",
    "urzad",
    "fundacja",
];

/// Heads of newspaper and broadcaster names: "New York Times" names a
/// paper, not a place the story happens in.
const MEDIA_HEADS: &[&str] = &[
    "times",
    "post",
    "journal",
    "herald",
    "tribune",
    "gazette",
    "chronicle",
    "telegraph",
    "daily",
    "news",
    "press",
    "magazine",
    "newspaper",
    "broadcasting",
    "radio",
    "television",
    "examiner",
    "inquirer",
    "courier",
    "zeitung",
];

/// Words that name a street, square or avenue after a place: the place
/// is the street's name, not where the story is ("calle Santiago",
/// "avenida de Roma", "Boston Street", "Rue de Rome", "Via Milano").
/// (folded word, language it is a street word in, or "" for any.)
/// English "via" ("via Moscow"), French "place" ("à la place de"),
/// Italian "corso" ("nel corso di") and "largo" ("al largo di Lampedusa")
/// are ordinary words.
const STREET_WORDS: &[(&str, &str)] = &[
    ("street", ""),
    ("avenue", ""),
    ("road", ""),
    ("square", ""),
    ("boulevard", ""),
    ("lane", ""),
    ("strasse", ""),
    ("platz", ""),
    ("calle", ""),
    ("avenida", ""),
    ("paseo", ""),
    ("plaza", ""),
    ("rue", ""),
    ("via", "it"),
    ("viale", ""),
    ("piazza", ""),
    ("rua", ""),
    ("praca", ""),
    ("ulica", ""),
    ("ul", "pl"),
    ("aleja", ""),
    ("plac", "pl"),
    ("улица", ""),
    ("улице", ""),
    ("улицу", ""),
    ("улицы", ""),
    ("проспект", ""),
    ("проспекте", ""),
    ("площадь", ""),
    ("площади", ""),
    ("caddesi", ""),
    ("sokak", ""),
    ("sokagi", ""),
    ("bulvari", ""),
];

/// Whether a folded word names a street or square in `lang`
/// ([`STREET_WORDS`]).
pub fn is_street_word(key: &str, lang: &str) -> bool {
    STREET_WORDS
        .iter()
        .any(|&(w, l)| w == key && (l.is_empty() || l == lang))
}

/// Heads of the names of streets, buildings and events, never a person's
/// last word: "Main Street", "Carlton Hotel" and "Emmy Awards" are no people.
const FACILITY_HEADS: &[&str] = &[
    "memorial",
    "street",
    "avenue",
    "road",
    "square",
    "boulevard",
    "bridge",
    "airport",
    "stadium",
    "arena",
    "park",
    "highway",
    "station",
    "mall",
    "plaza",
    "hall",
    "tower",
    "lane",
    "drive",
    "strasse",
    "platz",
    "calle",
    "rue",
    "caddesi",
    "sokak",
    "ulica",
    "hotel",
    "motel",
    "zoo",
    "palace",
    "prison",
    "jail",
    "warehouse",
    "creamery",
    "cathedral",
    "mosque",
    "synagogue",
    "award",
    "awards",
    "prize",
    "festival",
    "conference",
    "championship",
    "championships",
    "tournament",
    "olympics",
];

/// Last words of the names of natural features and of areas named after
/// them ("Matanuska Valley"). With [`OTHER_NON_PERSON_HEADS`] (businesses,
/// public services: "Matanuska Maid Dairy", "Palmer Public Safety") they
/// rule out a person whose name does not open with a known given name;
/// unlike an organisation head such a word is a surname now and then
/// ("Michael Bay", "Danielle Steel"). After a given name, a natural
/// feature's head still needs another sign of a person (a title, the
/// surname alone): "Pearl Harbor" has none.
const NATURAL_FEATURE_HEADS: &[&str] = &[
    "valley",
    "river",
    "lake",
    "mountain",
    "mountains",
    "bay",
    "island",
    "islands",
    "creek",
    "canyon",
    "gorge",
    "beach",
    "coast",
    "peninsula",
    "desert",
    "hills",
    "falls",
    "gulf",
    "sea",
    "ocean",
    "strait",
    "harbor",
    "harbour",
    "county",
    "borough",
    "township",
    "province",
    "prefecture",
    "oblast",
    "region",
    "district",
    "basin",
    "forest",
    "glacier",
    "reef",
    "springs",
    "sound",
    "city",
    // tr, de: "Sisam Adası", "Van Gölü", "Schwarzes Meer"
    "adasi",
    "adalari",
    "golu",
    "dagi",
    "nehri",
    "meer",
];

/// Last words of businesses' and public services' names; see
/// [`NATURAL_FEATURE_HEADS`].
const OTHER_NON_PERSON_HEADS: &[&str] = &[
    "way",
    "church",
    "temple",
    "building",
    // public services
    "safety",
    "security",
    "affairs",
    "justice",
    "health",
    "education",
    "transportation",
    "defense",
    "defence",
    "services",
    "welfare",
];

/// Last words of business names, which often open with a place that is
/// the brand, not where the story is ("Hamilton Holdings", "Boston
/// Scientific", "Bristol Motors").
const BUSINESS_HEADS: &[&str] = &[
    "scientific",
    "dairy",
    "farm",
    "farms",
    "foods",
    "motor",
    "motors",
    "industries",
    "systems",
    "technologies",
    "holdings",
    "partners",
    "energy",
    "pharmaceuticals",
    "studios",
    "records",
    "entertainment",
    "brewery",
    "restaurant",
    "bakery",
    "store",
    "stores",
    "market",
    "markets",
    "insurance",
    "capital",
    "ventures",
    "labs",
    "media",
    "publishing",
    "productions",
    "enterprises",
    "investments",
    "logistics",
    "shipping",
    "mining",
    "steel",
    "electric",
    "software",
    "pictures",
    "films",
    "products",
];

/// Parties named by their members: heads of organisations ("Christian
/// Democrats", "Social Democrats") that also stand alone ("the Democrats
/// said").
const PARTY_MEMBERS: &[&str] = &[
    "democrats",
    "republicans",
    "socialists",
    "liberals",
    "conservatives",
    "greens",
];

/// Head words that still name one institution when they stand alone
/// ("Congress said"); any other head alone ("the Club") names nothing.
const STANDALONE_HEADS: &[&str] = &[
    "congress",
    "senate",
    "parliament",
    "cabinet",
    "government",
    "army",
    "navy",
    "police",
    "administration",
    "bundestag",
    "bundesrat",
    "sejm",
    "senat",
    "regierung",
    "polizei",
    "gobierno",
    "congreso",
    "gouvernement",
    "governo",
    "rzad",
    "policja",
];

/// Feasts and holidays: capitalised, but dates rather than entities.
const HOLIDAYS: &[&str] = &[
    "christmas",
    "xmas",
    "easter",
    "thanksgiving",
    "halloween",
    "ramadan",
    "hanukkah",
    "passover",
    "diwali",
    "eid",
    "weihnachten",
    "ostern",
    "navidad",
    "noel",
    "paques",
    "natale",
    "pasqua",
    "boze",
    "wielkanoc",
    "bayram",
];

/// AP-style abbreviations of US states ("Sacramento, Calif."), folded, with
/// the folded state name they stand for and whether the abbreviation is also
/// an English word ("Ill.", "Mass.").
const US_STATE_ABBREVIATIONS: &[(&str, &str, bool)] = &[
    ("ala", "alabama", false),
    ("ariz", "arizona", false),
    ("ark", "arkansas", true),
    ("calif", "california", false),
    ("colo", "colorado", false),
    ("conn", "connecticut", false),
    ("del", "delaware", true),
    ("fla", "florida", false),
    ("ga", "georgia", true),
    ("ill", "illinois", true),
    ("ind", "indiana", true),
    ("kan", "kansas", true),
    ("kans", "kansas", false),
    ("ky", "kentucky", false),
    ("la", "louisiana", true),
    ("md", "maryland", true),
    ("mass", "massachusetts", true),
    ("mich", "michigan", false),
    ("minn", "minnesota", false),
    ("miss", "mississippi", true),
    ("mo", "missouri", true),
    ("mont", "montana", true),
    ("neb", "nebraska", false),
    ("nev", "nevada", false),
    ("okla", "oklahoma", false),
    ("ore", "oregon", true),
    ("pa", "pennsylvania", true),
    ("tenn", "tennessee", false),
    ("tex", "texas", true),
    ("vt", "vermont", false),
    ("va", "virginia", true),
    ("wash", "washington", true),
    ("wis", "wisconsin", false),
    ("wyo", "wyoming", false),
];

/// Past participles said only of people, after "was"/"is"/"has"/"had":
/// "Jackson was arrested" makes Jackson a person, not the town.
const DONE_TO_PEOPLE: &[&str] = &[
    "arrested",
    "charged",
    "convicted",
    "indicted",
    "sentenced",
    "jailed",
    "suspended",
    "fined",
    "injured",
    "hospitalized",
    "hospitalised",
    "born",
    "married",
    "fired",
    "traded",
    "drafted",
];

/// Verbs only people take ("Jackson pleaded"). "Said" is not among them:
/// news lets cities speak for governments ("Moscow said").
const PEOPLE_DO: &[&str] = &[
    "pleaded",
    "resigned",
    "apologized",
    "apologised",
    "testified",
    "confessed",
    "admitted",
    "scored",
];

/// Last words of a picture credit ("AA Photo", "Reuters Photo").
const CREDIT_WORDS: &[&str] = &["photo", "photos", "photograph", "foto", "fotos"];

/// News agencies (folded keys), named in datelines and credits: the source
/// of a report, not an actor in its story. Two reports by one agency share
/// it whatever they are about.
const TIME_ZONES: &[&str] = &[
    "gmt", "utc", "cet", "cest", "eet", "eest", "bst", "est", "edt", "cst", "cdt", "mst", "mdt",
    "pst", "pdt", "msk", "ist", "jst",
];

const WEB_IMPERATIVES: &[&str] = &[
    "follow",
    "subscribe",
    "click",
    "share",
    "download",
    "listen",
    "watch",
    "sign",
];

const NEWS_AGENCIES: &[&str] = &[
    "reuters",
    "thomson reuters",
    "ap",
    "associated press",
    "the associated press",
    "afp",
    "agence france presse",
    "dpa",
    "deutsche presse agentur",
    "epd",
    "kna",
    "apa",
    "efe",
    "europa press",
    "ansa",
    "pap",
    "ctk",
    "tass",
    "itar tass",
    "ria novosti",
    "interfax",
    "anadolu",
    "anadolu agency",
    "anadolu ajansi",
    "xinhua",
    "kyodo",
    "yonhap",
    "upi",
    "irna",
    "wafa",
    "kuna",
    "mena",
    "bernama",
    "pti",
];

/// Movements and armed groups known by one name, some of which a
/// gazetteer also lists as another language's name of a town ("Hamas" is
/// Hamm in one): always organisations (folded keys).
const KNOWN_GROUPS: &[&str] = &[
    "hamas",
    "hezbollah",
    "hizbollah",
    "hisbollah",
    "hizbullah",
    "fatah",
    "taliban",
    "isis",
    "isil",
    "daesh",
    "al qaeda",
    "al qaida",
    "boko haram",
    "al shabaab",
    "houthis",
    "houthi",
    "pkk",
    "ypg",
    "hts",
];

/// Compass adjectives: alone ("Western officials") they name no one;
/// inside a name ("Western Cape") they are part of it.
const COMPASS_ADJECTIVES: &[&str] = &[
    "western",
    "eastern",
    "northern",
    "southern",
    "westliche",
    "westlichen",
    "ostliche",
];

/// Lowercase words allowed inside a multi-word name.
/// "and" is not among them: "Syria and Libya" are two names.
const NAME_CONNECTORS: &[&str] = &[
    "of", "for", "the", "de", "del", "la", "le", "du", "des", "der", "von", "van", "al", "el",
    "bin", "ibn", "da", "di", "dos", "do", "fur", "zu",
];

/// Office words that sit between a country adjective and a title
/// ("Foreign Minister", "Prime Minister", "Secretary of State").
const OFFICE_MODIFIERS: &[&str] = &[
    "foreign",
    "prime",
    "deputy",
    "vice",
    "former",
    "interior",
    "defence",
    "defense",
    "finance",
    "health",
    "state",
    "general",
    "top",
    "chief",
    "senior",
    "acting",
    "first",
    "disleri",
    "saglik",
    "icisleri",
    "milli",
    "savunma",
    "majority",
    "minority",
    // "Chief Executive Jensen Huang", "Executive Director": part of a role,
    // never one alone ("Executive Order")
    "executive",
];

pub struct Cues {
    titles: HashSet<&'static str>,
    org_heads: HashSet<&'static str>,
    connectors: HashSet<&'static str>,
    office: HashSet<&'static str>,
    media: HashSet<&'static str>,
    facilities: HashSet<&'static str>,
    non_person: HashSet<&'static str>,
    standalone: HashSet<&'static str>,
    holidays: HashSet<&'static str>,
}

/// Endings of German compound titles (folded): "Innenminister",
/// "Generalsekretär", "Vizepräsident", "Vizekanzler". Not "chef" or
/// "sprecher", which end "MasterChef" and "Lautsprecher" too: their
/// compounds are listed ("stabschef", "regierungssprecher").
const TITLE_ENDINGS: &[&str] = &[
    "minister",
    "ministerin",
    "sekretar",
    "sekretarin",
    "prasident",
    "prasidentin",
    "kanzler",
    "kanzlerin",
    "botschafter",
    "botschafterin",
    "kommissar",
    "kommissarin",
    "burgermeister",
    "burgermeisterin",
    "staatsanwalt",
    "staatsanwaltin",
];

impl Cues {
    pub fn get() -> &'static Cues {
        static CUES: OnceLock<Cues> = OnceLock::new();
        CUES.get_or_init(|| Cues {
            titles: PERSON_TITLES.iter().copied().collect(),
            org_heads: ORG_HEADS.iter().chain(PARTY_MEMBERS).copied().collect(),
            connectors: NAME_CONNECTORS.iter().copied().collect(),
            office: OFFICE_MODIFIERS.iter().copied().collect(),
            media: MEDIA_HEADS.iter().copied().collect(),
            facilities: FACILITY_HEADS.iter().copied().collect(),
            non_person: NATURAL_FEATURE_HEADS
                .iter()
                .chain(OTHER_NON_PERSON_HEADS)
                .chain(BUSINESS_HEADS)
                .copied()
                .collect(),
            standalone: STANDALONE_HEADS
                .iter()
                .chain(PARTY_MEMBERS)
                .copied()
                .collect(),
            holidays: HOLIDAYS.iter().copied().collect(),
        })
    }

    pub fn is_person_title(&self, key: &str) -> bool {
        self.titles.contains(key)
            || TITLE_ENDINGS
                .iter()
                .any(|end| key.len() >= end.len() + 2 && key.ends_with(end))
    }

    pub fn is_org_head(&self, key: &str) -> bool {
        self.org_heads.contains(key)
            || self.media.contains(key)
            || key.ends_with("ministerium")
            || key.ends_with("bakanligi")
    }

    /// "and", "or" in the languages of the cues, joining items of a list.
    pub fn is_list_conjunction(&self, key: &str) -> bool {
        matches!(
            key,
            "and"
                | "or"
                | "und"
                | "oder"
                | "et"
                | "ou"
                | "y"
                | "o"
                | "e"
                | "i"
                | "и"
                | "или"
                | "ve"
                | "veya"
        )
    }

    pub fn is_connector(&self, key: &str) -> bool {
        self.connectors.contains(key)
    }

    pub fn is_office_modifier(&self, key: &str) -> bool {
        self.office.contains(key)
    }

    /// Last word of a business name ("Holdings", "Scientific").
    pub fn is_business_head(&self, key: &str) -> bool {
        BUSINESS_HEADS.contains(&key)
    }

    /// Last word of a newspaper or broadcaster name ("Times", "Journal").
    pub fn is_media_head(&self, key: &str) -> bool {
        self.media.contains(key)
    }

    /// Last word of a street or building name ("Street", "Airport").
    /// `key` follows "was"/"is"/"has"/"had" only when said of a person.
    pub fn is_done_to_people(&self, key: &str) -> bool {
        DONE_TO_PEOPLE.contains(&key) || PEOPLE_DO.contains(&key)
    }

    /// `key` right after a name makes that name a person's.
    pub fn is_done_by_people(&self, key: &str) -> bool {
        PEOPLE_DO.contains(&key)
    }

    /// `key` closes a picture credit, not a name in the story.
    /// A news agency's name (folded key): the source of a report.
    pub fn is_news_agency(&self, key: &str) -> bool {
        NEWS_AGENCIES.contains(&key)
    }

    /// A time zone's abbreviation ("GMT", "UTC"): part of a clock time.
    pub fn is_time_zone(&self, key: &str) -> bool {
        TIME_ZONES.contains(&key)
    }

    /// A web page's call to act opening a line ("Follow Daily Sabah on
    /// Twitter", "Subscribe to ..."): boilerplate, no part of a name.
    pub fn is_web_imperative(&self, key: &str) -> bool {
        WEB_IMPERATIVES.contains(&key)
    }

    /// A movement or armed group known by one name ("Hamas").
    pub fn is_known_group(&self, key: &str) -> bool {
        KNOWN_GROUPS.contains(&key)
    }

    /// "Western", "Eastern" (folded), which alone name no one.
    pub fn is_compass_adjective(&self, key: &str) -> bool {
        COMPASS_ADJECTIVES.contains(&key)
    }

    pub fn is_credit_word(&self, key: &str) -> bool {
        CREDIT_WORDS.contains(&key)
    }

    pub fn is_facility_head(&self, key: &str) -> bool {
        self.facilities.contains(key)
    }

    /// Last word of a natural feature's, a business's or a public service's
    /// name ("Valley", "Dairy", "Safety"); see [`NATURAL_FEATURE_HEADS`].
    pub fn is_non_person_head(&self, key: &str) -> bool {
        self.non_person.contains(key)
    }

    /// Last word of a natural feature's name ("Harbor", "Valley").
    pub fn is_natural_feature_head(&self, key: &str) -> bool {
        NATURAL_FEATURE_HEADS.contains(&key)
    }

    /// A head word that alone names nothing in particular ("the Club",
    /// "Street"), unlike "Congress" or "Parliament".
    /// A body named by its head word alone in every story of its country
    /// ("Police", "Government", "Polizei", "Parliament").
    pub fn is_standalone_head(&self, key: &str) -> bool {
        self.standalone.contains(key)
    }

    pub fn is_generic_alone(&self, key: &str) -> bool {
        // Media heads are org heads too (see `is_org_head`).
        (self.is_org_head(key) || self.is_facility_head(key)) && !self.standalone.contains(key)
    }

    pub fn is_holiday(&self, key: &str) -> bool {
        self.holidays.contains(key)
    }

    /// The folded US state name an AP-style abbreviation stands for, and
    /// whether the abbreviation is also an ordinary word.
    pub fn us_state_abbreviation(&self, key: &str) -> Option<(&'static str, bool)> {
        US_STATE_ABBREVIATIONS
            .iter()
            .find(|(abbr, _, _)| *abbr == key)
            .map(|(_, state, is_word)| (*state, *is_word))
    }
}

#[cfg(test)]
mod tests {
    use super::Cues;

    #[test]
    fn german_compound_titles_are_titles_and_nouns_ending_alike_are_not() {
        let cues = Cues::get();
        for title in [
            "innenminister",
            "exminister",
            "generalsekretar",
            "vizeprasident",
            "stabschef",
            "staatschef",
            "kremlchef",
            "polizeisprecherin",
            "oberburgermeister",
            "generalstaatsanwalt",
            "menschenrechtskommissarin",
        ] {
            assert!(cues.is_person_title(title), "{title}");
        }
        for word in ["masterchef", "lautsprecher", "minister"] {
            assert_eq!(cues.is_person_title(word), word == "minister", "{word}");
        }
    }
}
