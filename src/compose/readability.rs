//! Readability: Flesch reading ease and Flesch-Kincaid grade, from the sentences and words
//! that `prose` finds (links, hashtags and mentions are not words), with an English
//! syllable counter.
//!
//! The syllable counter is hand-written: the crates that offer one count vowel groups and
//! get everyday words wrong ("created", "business"). Rules first, then a short list of
//! common words the rules cannot get right.

use serde::Serialize;

use super::prose::Doc;

/// Scores for a draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Readability {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    /// 0–100, higher is easier; 60–70 is plain English.
    pub flesch_reading_ease: f64,
    /// A US school grade; add 5 for a reading age.
    pub flesch_kincaid_grade: f64,
}

/// Scores for `doc`, or `None` when it has no words.
pub fn score(doc: &Doc) -> Option<Readability> {
    let words: Vec<&str> = doc
        .words
        .iter()
        .filter(|w| w.has_letter())
        .map(|w| w.text)
        .collect();
    if words.is_empty() {
        return None;
    }
    let sentences = doc
        .sentences
        .iter()
        .filter(|s| doc.sentence_words(s).iter().any(|w| w.has_letter()))
        .count()
        .max(1);
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    let wps = words.len() as f64 / sentences as f64;
    let spw = syllables as f64 / words.len() as f64;
    let round = |x: f64| (x * 10.0).round() / 10.0;
    Some(Readability {
        words: words.len(),
        sentences,
        syllables,
        flesch_reading_ease: round(206.835 - 1.015 * wps - 84.6 * spw),
        flesch_kincaid_grade: round(0.39 * wps + 11.8 * spw - 15.59),
    })
}

/// Words whose syllables the rules below miscount.
const EXCEPTIONS: &[(&str, usize)] = &[
    ("business", 2),
    ("businesses", 3),
    ("every", 2),
    ("everyone", 3),
    ("everything", 3),
    ("different", 3),
    ("evening", 2),
    ("family", 3),
    ("families", 3),
    ("people", 2),
    ("area", 3),
    ("areas", 3),
    ("idea", 3),
    ("ideas", 3),
    ("being", 2),
    ("doing", 2),
    ("going", 2),
    ("seeing", 2),
    ("create", 2),
    ("creates", 2),
    ("real", 1),
    ("really", 2),
    ("science", 2),
    ("society", 4),
    ("quiet", 2),
    ("poem", 2),
    ("poet", 2),
    ("diet", 2),
    ("client", 2),
    ("clients", 2),
    ("police", 2),
    ("office", 2),
    ("officer", 3),
    ("officers", 3),
    ("whole", 1),
    ("one", 1),
    ("once", 1),
    ("someone", 2),
    ("anyone", 3),
    ("everywhere", 3),
    ("where", 1),
    ("there", 1),
    ("here", 1),
    ("were", 1),
    ("are", 1),
    ("fire", 1),
    ("hour", 1),
    ("hours", 1),
    ("our", 1),
    ("naive", 2),
    ("via", 2),
    ("media", 3),
    ("social", 2),
    ("special", 2),
    ("official", 3),
    ("council", 2),
    ("councillor", 3),
    ("wednesday", 2),
    ("interest", 3),
    ("interested", 4),
    ("several", 3),
    ("vegetable", 4),
    ("chocolate", 2),
    ("camera", 3),
    ("general", 3),
    ("generally", 4),
    ("natural", 3),
    ("nuclear", 3),
    ("library", 3),
    ("february", 4),
    ("january", 4),
    ("covid", 2),
    ("email", 2),
    ("online", 2),
    ("website", 2),
    ("update", 2),
    ("updates", 2),
];

/// Syllables in an English word (at least 1).
pub fn syllables(word: &str) -> usize {
    let w: String = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if w.is_empty() {
        // A number or a symbol: read as at least one syllable.
        return 1;
    }
    if let Some(&(_, n)) = EXCEPTIONS.iter().find(|(e, _)| *e == w) {
        return n;
    }
    // A hyphenated word is its parts.
    if word.contains('-') {
        return word
            .split('-')
            .filter(|p| p.chars().any(char::is_alphabetic))
            .map(syllables)
            .sum::<usize>()
            .max(1);
    }
    let chars: Vec<char> = w.chars().collect();
    let n = chars.len();
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'à'..='æ' | 'è'..='ï' | 'ò'..='ö' | 'ù'..='ü');
    // Vowel groups; a 'y' that starts the word is a consonant ("yes").
    let mut count = 0usize;
    let mut prev_vowel = false;
    for (i, &c) in chars.iter().enumerate() {
        let v = vowel(c) && !(c == 'y' && i == 0);
        if v && !prev_vowel {
            count += 1;
        }
        prev_vowel = v;
    }
    let ends = |s: &str| w.ends_with(s);
    let at = |i: usize| chars.get(i).copied().unwrap_or(' ');
    // Silent final 'e' ("make"), but not "-le" after a consonant ("table"), nor "-ee".
    if ends("e") && n > 2 && !ends("ee") && !ends("ye") {
        let before = at(n - 2);
        let le = before == 'l' && !vowel(at(n - 3));
        if !le && !vowel(before) {
            count = count.saturating_sub(1);
        }
    }
    // "-es" is silent after most consonants ("makes"), sounded after sibilants ("buses").
    if ends("es") && n > 3 && !vowel(at(n - 3)) {
        let before = at(n - 3);
        let sounded = matches!(before, 's' | 'x' | 'z')
            || ends("ches")
            || ends("shes")
            || ends("ges")
            || ends("ces");
        let le = before == 'l' && !vowel(at(n - 4));
        if !sounded && !le {
            count = count.saturating_sub(1);
        }
    }
    // "-ed" is silent except after 't' or 'd' ("announced" 2, "created" 3).
    if ends("ed") && n > 3 && !vowel(at(n - 3)) && !matches!(at(n - 3), 't' | 'd') {
        count = count.saturating_sub(1);
    }
    // Vowel pairs said as two syllables: "cre-ate", "radi-o", "vid-eo", "situ-ation".
    for i in 0..n.saturating_sub(1) {
        let pair = (chars[i], chars[i + 1]);
        let split = match pair {
            ('i', 'a') => {
                !(i + 2 < n
                    && matches!(chars[i + 2], 'n' | 'l')
                    && i > 0
                    && matches!(chars[i - 1], 'c' | 't' | 's' | 'g'))
            }
            ('i', 'o') => !(i > 0 && matches!(chars[i - 1], 't' | 's' | 'c' | 'g' | 'x')),
            ('e', 'o') | ('u', 'a') | ('i', 'u') | ('u', 'i')
                if i > 0 && chars[i - 1] != 'q' && chars[i - 1] != 'g' =>
            {
                !(pair == ('u', 'i')
                    && i + 2 < n
                    && matches!(chars[i + 2], 'l' | 'c' | 't' | 's' | 'r'))
            }
            ('e', 'a') => {
                i + 3 < n && chars[i + 2] == 't' && chars[i + 3] == 'e'
                    || i + 4 < n
                        && chars[i..i + 4] == ['e', 'a', 't', 'i']
                        && i > 0
                        && chars[i - 1] == 'r'
            }
            _ => false,
        };
        if split {
            count += 1;
        }
    }
    // "-ism" ("tourism") and "-ian" handled above; "-iest" adds one ("happiest").
    if ends("ism") || ends("iest") {
        count += 1;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words() {
        for (word, n) in [
            ("created", 3),
            ("announced", 2),
            ("business", 2),
            ("the", 1),
            ("council", 2),
            ("make", 1),
            ("makes", 1),
            ("table", 2),
            ("buses", 2),
            ("wanted", 2),
            ("helped", 1),
            ("information", 4),
            ("community", 4),
            ("radio", 3),
            ("video", 3),
            ("situation", 4),
            ("residents", 3),
            ("flood", 1),
            ("apply", 2),
            ("yes", 1),
            ("beautiful", 3),
            ("government", 3),
            ("services", 3),
            ("available", 4),
            ("creating", 3),
            ("tourism", 3),
            ("social", 2),
            ("special", 2),
            ("usual", 3),
            ("vacancies", 3),
            ("appreciate", 4),
            ("well-known", 2),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    #[test]
    fn scores() {
        let d = Doc::new("The cat sat on the mat. The dog ran.");
        let r = score(&d).unwrap();
        assert_eq!((r.words, r.sentences), (9, 2));
        assert!(r.flesch_reading_ease > 100.0);
        let hard = Doc::new(
            "Notwithstanding the aforementioned considerations, the organisation's comprehensive reconfiguration necessitates substantial intergovernmental collaboration.",
        );
        assert!(score(&hard).unwrap().flesch_kincaid_grade > 16.0);
        assert!(score(&Doc::new("https://gov.uk #tag")).is_none());
    }
}
