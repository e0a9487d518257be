//! Event dates: the time expression of a sentence, resolved against the document's
//! publication date.
//!
//! Wire copy dates events relative to the dateline: "said on Thursday", "pledged
//! yesterday", "last week", "on March 4". A weekday means the latest such day on or
//! before publication; "last week" and "last month" resolve with week and month
//! precision. Expressions about the future ("will host in June") do not date the
//! event, which is when the pledge or statement was made, so only past-pointing
//! forms are read. When nothing resolves, the event takes the publication date and
//! says so ([`DatePrecision::Published`]). No calendar crate: civil-date arithmetic
//! is a few lines.

use super::Word;
use crate::model::DatePrecision;

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Is `w` (lowercased) a month's full name?
pub(super) fn is_month(w: &str) -> bool {
    MONTHS.contains(&w)
}

/// Every word [`resolve`] reads a date from or by: "yesterday", "today", "last"
/// and "earlier", the weekdays, the months with their first three letters, and
/// "sept". A sentence with none of them dates nothing of its own (the lexicon's
/// filter `date_words`, for [`resolve_filtered`]).
pub(crate) fn date_words() -> Vec<&'static str> {
    WEEKDAYS
        .iter()
        .chain(&MONTHS)
        .copied()
        .chain(MONTHS.iter().filter_map(|m| m.get(..3)))
        .chain(["yesterday", "today", "last", "earlier", "sept"])
        .collect()
}

/// [`resolve`], told whether the sentence may hold one of the [`date_words`]
/// (`may_date`, from the lexicon's filter): without one, what `resolve` finds
/// when no word dates the event, without a look at every word.
pub fn resolve_filtered(
    published: Option<&str>,
    words: &[Word],
    may_date: bool,
) -> (Option<String>, DatePrecision) {
    if may_date {
        return resolve(published, words);
    }
    match published.and_then(parse) {
        Some(_) => (published.map(str::to_string), DatePrecision::Published),
        None => (None, DatePrecision::Published),
    }
}

/// Resolves the date of an event read from a sentence (its lowercased words).
pub fn resolve(published: Option<&str>, words: &[Word]) -> (Option<String>, DatePrecision) {
    let Some(pubdays) = published.and_then(parse) else {
        return (None, DatePrecision::Published);
    };
    for (i, w) in words.iter().enumerate() {
        // Every word read below ("today", "yesterday", weekday and month names and
        // their abbreviations) has three to nine letters: most words stop here.
        if !(3..=9).contains(&w.len()) {
            continue;
        }
        // And begins like one of them: a number from the first three bytes and a
        // few comparisons turn nearly all the others away.
        let b = w.as_bytes();
        let first3 = prefix_key(&[b[0], b[1], b[2]]);
        if !(is_calendar_key(first3) || matches!(first3, YES | TOD | LAS | EAR)) {
            continue;
        }
        let prev = i.checked_sub(1).map(|p| words[p].as_str());
        let next = words.get(i + 1).map(Word::as_str);
        match w.as_str() {
            "yesterday" => return (Some(format_days(pubdays - 1)), DatePrecision::Day),
            "today" if prev != Some("until") => {
                return (Some(format_days(pubdays)), DatePrecision::Day)
            }
            "last" | "earlier" if matches!(next, Some("week")) => {
                return (Some(format_days(pubdays - 7)), DatePrecision::Week)
            }
            "last" if matches!(next, Some("month")) => {
                let (y, m, _) = civil(pubdays);
                let (y, m) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
                return (Some(format!("{y:04}-{m:02}")), DatePrecision::Month);
            }
            _ => {}
        }
        // Weekday and month names (and "jan", "sept") begin like one of them.
        if !is_calendar_key(first3) {
            continue;
        }
        // "on Thursday" (not "next Thursday", "by Thursday", "until Thursday")
        if let Some(wd) = WEEKDAYS.iter().position(|d| d == w) {
            if matches!(prev, Some("on" | "late" | "early" | "last")) || prev.is_none() {
                let pub_wd = weekday(pubdays);
                let back = (pub_wd + 7 - wd as i64) % 7;
                return (Some(format_days(pubdays - back)), DatePrecision::Day);
            }
        }
        // "on March 4", "March 4", "4 March" (at most a month ahead is a typo-free past)
        if let Some(m) = MONTHS.iter().position(|x| {
            x == w || x.get(..3) == Some(w.as_str()) || (w == "sept" && *x == "september")
        }) {
            let day = next
                .and_then(|n| n.parse::<i64>().ok())
                .or_else(|| prev.and_then(|p| p.parse::<i64>().ok()))
                .filter(|d| (1..=31).contains(d));
            if let Some(d) = day {
                let (py, _, _) = civil(pubdays);
                let mut days = days_from_civil(py, m as i64 + 1, d);
                if days > pubdays {
                    days = days_from_civil(py - 1, m as i64 + 1, d);
                }
                if pubdays - days <= 60 {
                    return (Some(format_days(days)), DatePrecision::Day);
                }
            }
        }
    }
    (published.map(str::to_string), DatePrecision::Published)
}

/// Are these three bytes (as [`prefix_key`]) the start of a weekday or month name
/// (the three letters all of them, their abbreviations and "sept" begin with)?
fn is_calendar_key(key: u32) -> bool {
    // As one number: a few comparisons instead of nineteen slice compares, for
    // nearly every word of every dated sentence.
    matches!(
        key,
        MON | TUE
            | WED
            | THU
            | FRI
            | SAT
            | SUN
            | JAN
            | FEB
            | MAR
            | APR
            | MAY
            | JUN
            | JUL
            | AUG
            | SEP
            | OCT
            | NOV
            | DEC
    )
}

/// Three bytes as a number (for [`is_calendar_key`]).
const fn prefix_key(p: &[u8; 3]) -> u32 {
    u32::from_le_bytes([p[0], p[1], p[2], 0])
}

/// The starts of the other words [`resolve`] reads.
const YES: u32 = prefix_key(b"yes");
const TOD: u32 = prefix_key(b"tod");
const LAS: u32 = prefix_key(b"las");
const EAR: u32 = prefix_key(b"ear");
const MON: u32 = prefix_key(b"mon");
const TUE: u32 = prefix_key(b"tue");
const WED: u32 = prefix_key(b"wed");
const THU: u32 = prefix_key(b"thu");
const FRI: u32 = prefix_key(b"fri");
const SAT: u32 = prefix_key(b"sat");
const SUN: u32 = prefix_key(b"sun");
const JAN: u32 = prefix_key(b"jan");
const FEB: u32 = prefix_key(b"feb");
const MAR: u32 = prefix_key(b"mar");
const APR: u32 = prefix_key(b"apr");
const MAY: u32 = prefix_key(b"may");
const JUN: u32 = prefix_key(b"jun");
const JUL: u32 = prefix_key(b"jul");
const AUG: u32 = prefix_key(b"aug");
const SEP: u32 = prefix_key(b"sep");
const OCT: u32 = prefix_key(b"oct");
const NOV: u32 = prefix_key(b"nov");
const DEC: u32 = prefix_key(b"dec");

/// Parses `YYYY-MM-DD` into days since 1970-01-01.
fn parse(s: &str) -> Option<i64> {
    // Nearly every publication date is ten bytes, digits and two dashes: read in
    // place (the date is parsed for every dated sentence), the same numbers the
    // general way below reads.
    if let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = s.as_bytes() {
        let digits = [y0, y1, y2, y3, m0, m1, d0, d1];
        if digits.iter().all(u8::is_ascii_digit) {
            let num = |ds: &[u8]| ds.iter().fold(0i64, |n, &d| n * 10 + i64::from(d - b'0'));
            let (y, m, d) = (num(&digits[..4]), num(&digits[4..6]), num(&digits[6..]));
            return ((1..=12).contains(&m) && (1..=31).contains(&d))
                .then(|| days_from_civil(y, m, d));
        }
    }
    parse_any(s)
}

/// [`parse`] for any text.
fn parse_any(s: &str) -> Option<i64> {
    let mut it = s.splitn(3, '-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| days_from_civil(y, m, d))
}

fn format_days(days: i64) -> String {
    let (y, m, d) = civil(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// 0 = Monday.
fn weekday(days: i64) -> i64 {
    // 1970-01-01 was a Thursday (3).
    (days + 3).rem_euclid(7)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence without a date word resolves as `resolve_filtered` says
    /// without looking.
    #[test]
    fn sentences_without_date_words_resolve_unlooked() {
        for text in [
            "Macron said the talks would resume",
            "marching orders were given on the weekend",
            "the 4 envoys met in the capital",
        ] {
            for published in [Some("2025-09-05"), Some("not a date"), None] {
                let w = words(text);
                assert_eq!(
                    resolve(published, &w),
                    resolve_filtered(published, &w, false)
                );
            }
        }
    }

    fn words(s: &str) -> Vec<Word<'static>> {
        let lower: &'static str = Box::leak(s.to_lowercase().into_boxed_str());
        lower.split_whitespace().map(Word::new).collect()
    }

    struct Case {
        text: &'static str,
        want: (&'static str, DatePrecision),
    }

    #[test]
    fn resolves_against_the_publication_date() {
        // 2025-09-05 is a Friday.
        let cases = [
            Case {
                text: "Macron said on Thursday",
                want: ("2025-09-04", DatePrecision::Day),
            },
            Case {
                text: "Macron said on Friday",
                want: ("2025-09-05", DatePrecision::Day),
            },
            Case {
                text: "Macron said on Saturday",
                want: ("2025-08-30", DatePrecision::Day),
            },
            Case {
                text: "it pledged yesterday",
                want: ("2025-09-04", DatePrecision::Day),
            },
            Case {
                text: "talks last week",
                want: ("2025-08-29", DatePrecision::Week),
            },
            Case {
                text: "agreed last month",
                want: ("2025-08", DatePrecision::Month),
            },
            Case {
                text: "signed on Sept 1",
                want: ("2025-09-01", DatePrecision::Day),
            },
            Case {
                text: "signed on 28 August",
                want: ("2025-08-28", DatePrecision::Day),
            },
            Case {
                text: "will host next Monday",
                want: ("2025-09-05", DatePrecision::Published),
            },
            Case {
                text: "nothing here",
                want: ("2025-09-05", DatePrecision::Published),
            },
        ];
        for c in cases {
            let (d, p) = resolve(Some("2025-09-05"), &words(c.text));
            assert_eq!((d.as_deref(), p), (Some(c.want.0), c.want.1), "{}", c.text);
        }
    }

    #[test]
    fn no_publication_date_no_event_date() {
        assert_eq!(
            resolve(None, &words("on Thursday")),
            (None, DatePrecision::Published)
        );
    }

    #[test]
    fn dates_in_place_as_in_general() {
        for s in [
            "2026-03-05",
            "2026-13-05",
            "2026-00-10",
            "2026-02-31",
            "0000-01-01",
            "9999-12-31",
            "2026-3-05",
            "2026-03-5",
            "+026-03-05",
            "2026-03-0x",
            "2026_03-05",
            "",
        ] {
            assert_eq!(parse(s), parse_any(s), "{s:?}");
        }
    }

    #[test]
    fn civil_round_trip() {
        for days in [-800_000, -1, 0, 59, 365, 20_000, 800_000] {
            let (y, m, d) = civil(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(weekday(parse("2026-11-29").unwrap()), 6); // a Sunday
    }
}
