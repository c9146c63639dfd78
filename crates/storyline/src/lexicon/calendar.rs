//! Calendar vocabulary of the languages Storyline reads: month and weekday
//! names (with the abbreviations and inflected forms news text uses) and
//! relative time words. Keys are folded with [`super::fold::fold`].

use std::collections::HashMap;
use std::sync::OnceLock;

/// Month names, January first, per language; `|` separates variants.
const MONTHS: &[&str] = &[
    // en
    "january|jan",
    "february|feb",
    "march|mar",
    "april|apr",
    "may",
    "june|jun",
    "july|jul",
    "august|aug",
    "september|sep|sept",
    "october|oct",
    "november|nov",
    "december|dec",
    // de
    "januar|jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober|okt",
    "november",
    "dezember|dez",
    // es
    "enero|ene",
    "febrero",
    "marzo",
    "abril|abr",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre|setiembre",
    "octubre",
    "noviembre",
    "diciembre|dic",
    // fr
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    // tr
    "ocak",
    "şubat",
    "mart",
    "nisan",
    "mayıs",
    "haziran",
    "temmuz",
    "ağustos",
    "eylül",
    "ekim",
    "kasım",
    "aralık",
    // pl: nominative, genitive ("5 marca"), locative ("w marcu")
    "styczeń|stycznia|styczniu",
    "luty|lutego|lutym",
    "marzec|marca|marcu",
    "kwiecień|kwietnia|kwietniu",
    "maj|maja|maju",
    "czerwiec|czerwca|czerwcu",
    "lipiec|lipca|lipcu",
    "sierpień|sierpnia|sierpniu",
    "wrzesień|września|wrześniu",
    "październik|października|październiku",
    "listopad|listopada|listopadzie",
    "grudzień|grudnia|grudniu",
    // it
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
    // ar (Egyptian/Gulf and Levantine names)
    "يناير|كانون الثاني",
    "فبراير|شباط",
    "مارس|آذار",
    "أبريل|ابريل|نيسان",
    "مايو|أيار",
    "يونيو|حزيران",
    "يوليو|تموز",
    "أغسطس|آب",
    "سبتمبر|أيلول",
    "أكتوبر|تشرين الأول",
    "نوفمبر|تشرين الثاني",
    "ديسمبر|كانون الأول",
    // ru: nominative, genitive ("5 марта"), prepositional ("в марте")
    "январь|января|январе",
    "февраль|февраля|феврале",
    "март|марта|марте",
    "апрель|апреля|апреле",
    "май|мая|мае",
    "июнь|июня|июне",
    "июль|июля|июле",
    "август|августа|августе",
    "сентябрь|сентября|сентябре",
    "октябрь|октября|октябре",
    "ноябрь|ноября|ноябре",
    "декабрь|декабря|декабре",
    // nl
    "januari",
    "februari",
    "maart|mrt",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
    // pt
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
];

/// The languages of [`MONTHS`], one block of 12 each, in order.
const MONTH_LANGUAGES: &[&str] = &[
    "en", "de", "es", "fr", "tr", "pl", "it", "ar", "ru", "nl", "pt",
];

/// The languages of [`WEEKDAYS`], one block of 7 each, in order.
const WEEKDAY_LANGUAGES: &[&str] = &["en", "de", "es", "fr", "tr", "pl", "it", "ar", "ru", "nl"];

/// Weekday names, Monday first, per language.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag|sonnabend",
    "sonntag",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "pazartesi",
    "salı",
    "çarşamba",
    "perşembe",
    "cuma",
    "cumartesi",
    "pazar",
    "poniedziałek",
    "wtorek|wtorku",
    "środa|środę",
    "czwartek",
    "piątek",
    "sobota|sobotę",
    "niedziela|niedzielę",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "domenica",
    "الاثنين|الإثنين",
    "الثلاثاء",
    "الأربعاء|الاربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الأحد|الاحد",
    // ru: nominative, accusative ("в субботу"), genitive
    "понедельник|понедельника",
    "вторник|вторника",
    "среда|среду|среды",
    "четверг|четверга",
    "пятница|пятницу|пятницы",
    "суббота|субботу|субботы",
    "воскресенье|воскресенья",
    // nl
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];

/// Words and phrases that place an event relative to the (unknown or known)
/// publication date. The number is the offset in days where one is implied,
/// `None` for a vaguer period.
const RELATIVE: &[(&str, Option<i32>)] = &[
    ("today", Some(0)),
    ("the day after tomorrow", Some(2)),
    ("day after tomorrow", Some(2)),
    ("the day before yesterday", Some(-2)),
    ("day before yesterday", Some(-2)),
    ("übermorgen", Some(2)),
    ("pasado mañana", Some(2)),
    ("après demain", Some(2)),
    ("avant hier", Some(-2)),
    ("öbür gün", Some(2)),
    ("evvelsi gün", Some(-2)),
    ("pojutrze", Some(2)),
    ("dopodomani", Some(2)),
    ("l'altro ieri", Some(-2)),
    ("послезавтра", Some(2)),
    ("tonight", Some(0)),
    ("yesterday", Some(-1)),
    ("tomorrow", Some(1)),
    ("this week", None),
    ("last week", None),
    ("next week", None),
    ("this month", None),
    ("last month", None),
    ("next month", None),
    ("this year", None),
    ("last year", None),
    ("next year", None),
    ("earlier this year", None),
    ("later this year", None),
    ("earlier this month", None),
    ("earlier this week", None),
    ("in recent years", None),
    ("recent years", None),
    ("past 24 hours", Some(-1)),
    ("last 24 hours", Some(-1)),
    ("last night", Some(-1)),
    ("this morning", Some(0)),
    ("a day after", None),
    ("one day after", None),
    ("the day before", None),
    ("the previous day", None),
    ("the next day", None),
    ("the following day", None),
    ("this weekend", None),
    ("last weekend", None),
    ("over the weekend", None),
    ("later this month", None),
    ("later this week", None),
    ("the past week", None),
    ("heute", Some(0)),
    ("gestern", Some(-1)),
    ("vorgestern", Some(-2)),
    ("diese woche", None),
    ("letzte woche", None),
    ("vergangene woche", None),
    ("vergangenen woche", None),
    ("letzten jahr", None),
    ("vergangenen jahr", None),
    ("dieses jahr", None),
    ("diesem jahr", None),
    ("am vortag", None),
    ("am vorabend", None),
    ("am wochenende", None),
    ("nächste woche", None),
    ("nächsten woche", None),
    ("kommende woche", None),
    ("kommenden woche", None),
    ("vorige woche", None),
    ("letzten monat", None),
    ("vergangenen monat", None),
    ("nächstes jahr", None),
    ("nächsten jahr", None),
    ("hoy", Some(0)),
    ("ayer", Some(-1)),
    ("esta semana", None),
    ("la semana pasada", None),
    ("el año pasado", None),
    ("este año", None),
    ("anoche", Some(-1)),
    ("anteayer", Some(-2)),
    ("la próxima semana", None),
    ("la semana próxima", None),
    ("el mes pasado", None),
    ("el próximo año", None),
    ("aujourd'hui", Some(0)),
    ("cette semaine", None),
    ("la semaine dernière", None),
    ("l'an dernier", None),
    ("l'année dernière", None),
    ("cette année", None),
    ("demain", Some(1)),
    ("la veille", None),
    ("la semaine prochaine", None),
    ("le mois dernier", None),
    ("l'an prochain", None),
    ("l'année prochaine", None),
    ("bugün", Some(0)),
    ("dün", Some(-1)),
    ("yarın", Some(1)),
    ("bu hafta", None),
    ("geçen hafta", None),
    ("geçen yıl", None),
    ("bu yıl", None),
    ("son 24 saat", Some(-1)),
    ("gelecek hafta", None),
    ("önümüzdeki hafta", None),
    ("geçen ay", None),
    ("gelecek yıl", None),
    ("dziś", Some(0)),
    ("dzisiaj", Some(0)),
    ("wczoraj", Some(-1)),
    ("jutro", Some(1)),
    ("w tym tygodniu", None),
    ("w zeszłym tygodniu", None),
    ("w ubiegłym tygodniu", None),
    ("w zeszłym roku", None),
    ("w tym roku", None),
    ("przedwczoraj", Some(-2)),
    ("w przyszłym tygodniu", None),
    ("w zeszłym miesiącu", None),
    ("w przyszłym roku", None),
    ("vandaag", Some(0)),
    ("gisteren", Some(-1)),
    ("eergisteren", Some(-2)),
    ("vorige week", None),
    ("volgende week", None),
    ("vorig jaar", None),
    ("hoje", Some(0)),
    ("ontem", Some(-1)),
    ("anteontem", Some(-2)),
    ("na semana passada", None),
    ("na próxima semana", None),
    ("no ano passado", None),
    ("oggi", Some(0)),
    ("ieri", Some(-1)),
    ("domani", Some(1)),
    ("questa settimana", None),
    ("la settimana scorsa", None),
    ("l'anno scorso", None),
    ("quest'anno", None),
    ("la prossima settimana", None),
    ("il mese scorso", None),
    ("l'anno prossimo", None),
    ("сегодня", Some(0)),
    ("вчера", Some(-1)),
    ("позавчера", Some(-2)),
    ("завтра", Some(1)),
    ("на этой неделе", None),
    ("на прошлой неделе", None),
    ("в прошлом месяце", None),
    ("в этом году", None),
    ("в прошлом году", None),
    ("в последние годы", None),
    ("на следующей неделе", None),
    ("в этом месяце", None),
    ("в следующем году", None),
    ("накануне", None),
    ("на днях", None),
    ("اليوم", Some(0)),
    ("أمس", Some(-1)),
    ("امس", Some(-1)),
    ("غدا", Some(1)),
    ("الأسبوع الماضي", None),
    ("العام الماضي", None),
    ("الأسبوع المقبل", None),
];

/// Words that, just before a bare year or month, make it a time reference
/// ("in 2015", "since April", "seit 2018", "w 2019 roku").
const TIME_CUES: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "during",
    "before",
    "after",
    "late",
    "early",
    "mid",
    "end",
    "beginning",
    "of",
    "im",
    "seit",
    "bis",
    "ab",
    "anfang",
    "ende",
    "mitte",
    "en",
    "desde",
    "hasta",
    "de",
    "à",
    "depuis",
    "jusqu'en",
    "fin",
    "début",
    "mi",
    "w",
    "od",
    "do",
    "na",
    "nel",
    "dal",
    "al",
    "a",
    "dall'",
    "в",
    "с",
    "до",
    "после",
    "к",
    "في",
    "منذ",
    "عام",
    "حتى",
];

/// Modifiers that narrow a year ("late 2015", "early 2020", "mid-2019").
pub const YEAR_PARTS: &[(&str, &str)] = &[
    ("late", "late"),
    ("early", "early"),
    ("mid", "mid"),
    ("end", "end"),
    ("ende", "late"),
    ("anfang", "early"),
    ("mitte", "mid"),
    ("fin", "late"),
    ("début", "early"),
    ("finales", "late"),
    ("principios", "early"),
];

/// Counts written as words before a unit of time ("two weeks ago", "vor
/// drei Tagen", "iki hafta önce"), in the supported languages (folded
/// after reading: "fünf" is "funf").
pub const COUNT_WORDS: &[(&str, u32)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("ein", 1),
    ("eine", 1),
    ("einem", 1),
    ("einer", 1),
    ("zwei", 2),
    ("drei", 3),
    ("vier", 4),
    ("fünf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("neun", 9),
    ("zehn", 10),
    ("un", 1),
    ("una", 1),
    ("uno", 1),
    ("une", 1),
    ("dos", 2),
    ("tres", 3),
    ("cuatro", 4),
    ("cinco", 5),
    ("seis", 6),
    ("siete", 7),
    ("diez", 10),
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("sept", 7),
    ("huit", 8),
    ("dix", 10),
    ("due", 2),
    ("tre", 3),
    ("quattro", 4),
    ("cinque", 5),
    ("sei", 6),
    ("sette", 7),
    ("otto", 8),
    ("dieci", 10),
    ("bir", 1),
    ("iki", 2),
    ("üç", 3),
    ("dört", 4),
    ("beş", 5),
    ("altı", 6),
    ("yedi", 7),
    ("sekiz", 8),
    ("dokuz", 9),
    ("jeden", 1),
    ("jedna", 1),
    ("dwa", 2),
    ("dwie", 2),
    ("trzy", 3),
    ("cztery", 4),
    ("pięć", 5),
    ("sześć", 6),
    ("siedem", 7),
    ("osiem", 8),
    ("dziesięć", 10),
    ("один", 1),
    ("одну", 1),
    ("два", 2),
    ("две", 2),
    ("три", 3),
    ("четыре", 4),
    ("пять", 5),
    ("шесть", 6),
    ("семь", 7),
    ("восемь", 8),
    ("девять", 9),
    ("десять", 10),
];

/// Units of time by their forms (folded after reading), with their length
/// in days; months and years are counted but not placed on the calendar.
pub const TIME_UNITS: &[(&str, u32)] = &[
    ("day", 1),
    ("days", 1),
    ("week", 7),
    ("weeks", 7),
    ("month", 30),
    ("months", 30),
    ("year", 365),
    ("years", 365),
    ("tag", 1),
    ("tagen", 1),
    ("woche", 7),
    ("wochen", 7),
    ("monat", 30),
    ("monaten", 30),
    ("jahr", 365),
    ("jahren", 365),
    ("día", 1),
    ("días", 1),
    ("semana", 7),
    ("semanas", 7),
    ("mes", 30),
    ("meses", 30),
    ("año", 365),
    ("años", 365),
    ("jour", 1),
    ("jours", 1),
    ("semaine", 7),
    ("semaines", 7),
    ("mois", 30),
    ("an", 365),
    ("ans", 365),
    ("année", 365),
    ("années", 365),
    ("giorno", 1),
    ("giorni", 1),
    ("settimana", 7),
    ("settimane", 7),
    ("mese", 30),
    ("mesi", 30),
    ("anno", 365),
    ("anni", 365),
    ("gün", 1),
    ("hafta", 7),
    ("ay", 30),
    ("yıl", 365),
    ("sene", 365),
    ("dzień", 1),
    ("dni", 1),
    ("tydzień", 7),
    ("tygodnie", 7),
    ("tygodni", 7),
    ("miesiąc", 30),
    ("miesiące", 30),
    ("miesięcy", 30),
    ("rok", 365),
    ("lata", 365),
    ("lat", 365),
    ("день", 1),
    ("дня", 1),
    ("дней", 1),
    ("неделю", 7),
    ("недели", 7),
    ("недель", 7),
    ("месяц", 30),
    ("месяца", 30),
    ("месяцев", 30),
    ("год", 365),
    ("года", 365),
    ("лет", 365),
];

/// Words after a count and unit that put it in the past ("ago", "önce",
/// "назад", "fa", "temu"), folded after reading.
pub const AGO_AFTER: &[&str] = &["ago", "önce", "evvel", "назад", "fa", "temu"];

/// Words before a count and unit that do the same ("vor", "hace", "il y
/// a"), as folded word sequences.
pub const AGO_BEFORE: &[&[&str]] = &[&["vor"], &["hace"], &["il", "y", "a"]];

pub struct Calendar {
    months: HashMap<String, u32>,
    weekdays: HashMap<String, u32>,
    /// The same, per language, for [`Calendar::is_date_word_in`].
    own_months: HashMap<&'static str, HashMap<String, u32>>,
    own_weekdays: HashMap<&'static str, HashMap<String, u32>>,
    relative: Vec<(Vec<String>, Option<i32>)>,
    counts: HashMap<String, u32>,
    units: HashMap<String, u32>,
    ago_after: Vec<String>,
    ago_before: Vec<Vec<String>>,
    cues: HashMap<String, ()>,
}

impl Calendar {
    pub fn get() -> &'static Calendar {
        static CAL: OnceLock<Calendar> = OnceLock::new();
        CAL.get_or_init(Calendar::build)
    }

    fn build() -> Calendar {
        let table = |names: &[&str], period: usize| {
            let mut map = HashMap::new();
            for (i, variants) in names.iter().enumerate() {
                for v in variants.split('|') {
                    map.insert(super::fold::fold(v), (i % period) as u32 + 1);
                }
            }
            map
        };
        let relative = RELATIVE
            .iter()
            .map(|(phrase, days)| {
                let words = phrase.split(' ').map(super::fold::fold).collect();
                (words, *days)
            })
            .collect();
        let per_language =
            |names: &'static [&'static str], period: usize, langs: &[&'static str]| {
                names
                    .chunks_exact(period)
                    .zip(langs)
                    .map(|(block, lang)| (*lang, table(block, period)))
                    .collect()
            };
        Calendar {
            months: table(MONTHS, 12),
            weekdays: table(WEEKDAYS, 7),
            own_months: per_language(MONTHS, 12, MONTH_LANGUAGES),
            own_weekdays: per_language(WEEKDAYS, 7, WEEKDAY_LANGUAGES),
            relative,
            counts: COUNT_WORDS
                .iter()
                .map(|(w, n)| (super::fold::fold(w), *n))
                .collect(),
            units: TIME_UNITS
                .iter()
                .map(|(w, d)| (super::fold::fold(w), *d))
                .collect(),
            ago_after: AGO_AFTER.iter().map(|w| super::fold::fold(w)).collect(),
            ago_before: AGO_BEFORE
                .iter()
                .map(|ws| ws.iter().map(|w| super::fold::fold(w)).collect())
                .collect(),
            cues: TIME_CUES
                .iter()
                .map(|c| (super::fold::fold(c), ()))
                .collect(),
        }
    }

    /// Month number (1..=12) of a folded word, tolerating a trailing period.
    pub fn month(&self, folded: &str) -> Option<u32> {
        self.months.get(folded.trim_end_matches('.')).copied()
    }

    /// Weekday number (1 = Monday) of a folded word.
    pub fn weekday(&self, folded: &str) -> Option<u32> {
        self.weekdays.get(folded).copied()
    }

    /// Month number of a folded word in the article's own language, or in
    /// any language when that language has no months here.
    pub fn month_in(&self, lang: &str, folded: &str) -> Option<u32> {
        match self.own_months.get(lang) {
            Some(own) => own.get(folded.trim_end_matches('.')).copied(),
            None => self.month(folded),
        }
    }

    /// Weekday number of a folded word in the article's own language, or in
    /// any language when that language has no weekdays here (Portuguese).
    pub fn weekday_in(&self, lang: &str, folded: &str) -> Option<u32> {
        match self.own_weekdays.get(lang) {
            Some(own) => own.get(folded).copied(),
            None => self.weekday(folded),
        }
    }

    /// A month or weekday name (folded) in the article's own language (see
    /// [`Calendar::month_in`]). A word that is one only in another language
    /// is a name: "Mai" in English, the Dutch "Augustus" in English, the
    /// Spanish "Domingo" in "Plácido Domingo".
    pub fn is_date_word_in(&self, lang: &str, folded: &str) -> bool {
        self.month_in(lang, folded).is_some() || self.weekday_in(lang, folded).is_some()
    }

    pub fn is_time_cue(&self, folded: &str) -> bool {
        self.cues.contains_key(folded)
    }

    /// A count of days, weeks, months or years back from now starting at
    /// `words[0]` ("two weeks ago", "vor drei Tagen", "il y a deux
    /// semaines", "iki hafta önce", "две недели назад"; "a few days ago"),
    /// or forward from another event ("two days later"): (length, offset
    /// days). Days and weeks back are placed; months and years, "a few"
    /// and "later" are not.
    pub fn count_back_at(&self, words: &[&str]) -> Option<(usize, Option<i32>)> {
        let count = |w: &str| -> Option<Option<u32>> {
            match w {
                "few" | "several" => Some(None),
                _ => match w.parse::<u32>() {
                    Ok(n) if (1..=99).contains(&n) => Some(Some(n)),
                    Ok(_) => None,
                    Err(_) => self.counts.get(w).map(|n| Some(*n)),
                },
            }
        };
        // "a few days": the article is part of the count.
        let counted = |at: usize| -> Option<(usize, Option<u32>, u32)> {
            let (skip, n) = match (words.get(at), words.get(at + 1)) {
                (Some(&"a"), Some(&"few")) => (1, None),
                (Some(w), _) => (0, count(w)?),
                _ => return None,
            };
            let unit = *self.units.get(*words.get(at + skip + 1)?)?;
            Some((skip + 2, n, unit))
        };
        let offset = |n: Option<u32>, unit: u32, back: bool| {
            n.filter(|_| back && unit <= 7)
                .map(|n| -((n * unit) as i32))
        };
        for before in &self.ago_before {
            if words.len() > before.len() && words.iter().zip(before).all(|(w, b)| w == b) {
                if let Some((len, n, unit)) = counted(before.len()) {
                    return Some((before.len() + len, offset(n, unit, true)));
                }
            }
        }
        let (len, n, unit) = counted(0)?;
        let after = *words.get(len)?;
        if self.ago_after.iter().any(|a| a == after) {
            Some((len + 1, offset(n, unit, true)))
        } else if after == "later" {
            Some((len + 1, None))
        } else {
            None
        }
    }

    /// The longest relative phrase starting at `words[0]`: (length, offset days).
    pub fn relative_at(&self, words: &[&str]) -> Option<(usize, Option<i32>)> {
        self.relative
            .iter()
            .filter(|(phrase, _)| {
                phrase.len() <= words.len() && phrase.iter().zip(words).all(|(p, w)| p == w)
            })
            .max_by_key(|(phrase, _)| phrase.len())
            .map(|(phrase, days)| (phrase.len(), *days))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_in_several_languages() {
        let cal = Calendar::get();
        assert_eq!(cal.month("dec."), Some(12));
        assert_eq!(cal.month("marz"), Some(3), "German März folds to marz");
        assert_eq!(cal.month("aralik"), Some(12), "Turkish Aralık");
        assert_eq!(cal.month("grudnia"), Some(12), "Polish genitive");
        assert_eq!(cal.month("مارس"), Some(3));
        assert_eq!(cal.month("tuesday"), None);
        assert_eq!(cal.weekday("tuesday"), Some(2));
        assert_eq!(cal.weekday("samstag"), Some(6));
        assert_eq!(cal.month("марта"), Some(3), "Russian genitive");
        assert_eq!(cal.month("декабре"), Some(12), "Russian prepositional");
        assert_eq!(cal.weekday("субботу"), Some(6), "Russian accusative");
    }

    #[test]
    fn a_month_of_another_language_is_no_date_word() {
        assert_eq!(MONTHS.len(), 12 * MONTH_LANGUAGES.len());
        assert_eq!(WEEKDAYS.len(), 7 * WEEKDAY_LANGUAGES.len());
        let cal = Calendar::get();
        assert!(cal.is_date_word_in("de", "mai") && !cal.is_date_word_in("en", "mai"));
        assert!(cal.is_date_word_in("nl", "augustus") && !cal.is_date_word_in("en", "augustus"));
        assert!(cal.is_date_word_in("es", "domingo") && !cal.is_date_word_in("en", "domingo"));
        assert!(cal.is_date_word_in("en", "dec.") && cal.is_date_word_in("en", "sunday"));
        // Portuguese has months here but no weekdays: those of every
        // language count.
        assert!(cal.is_date_word_in("pt", "domingo"));
        assert!(cal.is_date_word_in("und", "mai"));
    }

    #[test]
    fn longest_relative_phrase_wins() {
        let cal = Calendar::get();
        assert_eq!(
            cal.relative_at(&["earlier", "this", "year", "x"]),
            Some((3, None))
        );
        assert_eq!(cal.relative_at(&["today", ","]), Some((1, Some(0))));
        assert_eq!(cal.relative_at(&["this", "is"]), None);
    }
}
