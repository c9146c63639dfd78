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
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre|setiembre",
    "octubre",
    "noviembre",
    "diciembre",
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
];

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
];

/// Words and phrases that place an event relative to the (unknown or known)
/// publication date. The number is the offset in days where one is implied,
/// `None` for a vaguer period.
const RELATIVE: &[(&str, Option<i32>)] = &[
    ("today", Some(0)),
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

pub struct Calendar {
    months: HashMap<String, u32>,
    weekdays: HashMap<String, u32>,
    relative: Vec<(Vec<String>, Option<i32>)>,
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
        Calendar {
            months: table(MONTHS, 12),
            weekdays: table(WEEKDAYS, 7),
            relative,
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

    pub fn is_time_cue(&self, folded: &str) -> bool {
        self.cues.contains_key(folded)
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
