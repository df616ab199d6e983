//! The forward scanner: skips to the next place a date may begin (a digit, a kanji
//! numeral, an era name or a relative keyword), reads the longest date form there,
//! and goes on after it. Relative forms are resolved against the context's
//! reference date or the date mentioned last.

use domei_model::{
    Anchoring, Date, DateKind, DateMention, DatePart, Era, Precision, Reading, Relative, Season,
    Span, Ymd,
};

use crate::era::{era_name_at, era_of_letter, first_last, gregorian_year};
use crate::text::{
    Num, at, at_any, char_at, char_before, is_any_digit, is_hiragana, is_word_cjk, next_trigger,
    read_num, skip_number,
};
use crate::{Context, days_in_month};
use chrono::Datelike;

/// A date found at `start..end`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub date: Date,
}

/// How a date was written before its value is filled in.
#[derive(Debug, Clone, Default)]
struct Form {
    kind: DateKind,
    era: Option<Era>,
    relative: Option<Relative>,
}

impl Form {
    /// A relative form: `expression` resolved as `anchoring` says against `against`.
    fn relative(expression: &str, anchoring: Anchoring, against: Option<Ymd>) -> Form {
        Form {
            kind: DateKind::Relative,
            era: None,
            relative: relative(expression, anchoring, against),
        }
    }

    /// An era form.
    fn era(era: Era) -> Form {
        Form {
            kind: DateKind::Era,
            era: Some(era),
            relative: None,
        }
    }

    fn date(&self, start: Ymd, precision: Precision) -> Date {
        Date {
            start,
            precision,
            kind: self.kind,
            era: self.era,
            relative: self.relative.clone(),
            ..Date::default()
        }
    }
}

fn relative(expression: &str, anchoring: Anchoring, against: Option<Ymd>) -> Option<Relative> {
    Some(Relative {
        expression: expression.to_string(),
        anchoring,
        against,
    })
}

/// Separators between the two ends of a range.
const RANGE_SEPS: &[&str] = &["〜", "～", "~", "－", "–", "—", "-", "−", "から"];

/// What may follow `N年` when it is a duration or a count of years, not a year.
const YEAR_DURATION: &[&str] = &[
    "間",
    "以上",
    "以内",
    "ぶり",
    "振り",
    "連続",
    "後",
    "前",
    "目",
    "来",
    "余",
    "超",
    "近く",
    "半",
    "程",
    "ほど",
    "にわた",
    "に及",
    "分",
    "未満",
    "足らず",
    "ぐらい",
    "くらい",
    "弱",
    "強",
    "越し",
    "がかり",
    "おき",
    "ごと",
    "毎",
    "周年",
    "計画",
];

/// What may follow `N日` when it is a count of days.
const DAY_DURATION: &[&str] = &[
    "あたり",
    "当たり",
    "間",
    "以上",
    "以内",
    "ぶり",
    "振り",
    "連続",
    "後",
    "前",
    "目",
    "余",
    "超",
    "未満",
    "足らず",
    "程",
    "ほど",
    "分",
    "にわた",
    "ごと",
    "おき",
    "毎",
    "平均",
];

/// Words of an event that happens on a day (`24.10.27に開催`, `に署名`, `に開かれた`):
/// after `に` they show that a two-digit dotted number is a date. Words a version or
/// section number also takes (`更新`, `公開`, `変更`, `記載`) are not here.
const EVENT_NOUNS: &[&str] = &[
    "開催",
    "開か",
    "行わ",
    "実施",
    "発表",
    "公表",
    "発出",
    "署名",
    "調印",
    "締結",
    "採択",
    "決定",
    "閣議決定",
    "合意",
    "発足",
    "発効",
    "施行",
    "公布",
    "成立",
    "就任",
    "訪問",
    "会談",
    "来日",
    "訪日",
    "開始",
    "設立",
    "創設",
    "策定",
    "改定",
    "閉幕",
    "開幕",
    "死去",
    "逝去",
];

/// Weekdays written after a day: `(日)`, `（月）`.
const WEEKDAYS: &[char] = &['日', '月', '火', '水', '木', '金', '土'];

const EN_MONTHS: &[(&str, u8)] = &[
    ("January", 1),
    ("February", 2),
    ("March", 3),
    ("April", 4),
    ("May", 5),
    ("June", 6),
    ("July", 7),
    ("August", 8),
    ("September", 9),
    ("October", 10),
    ("November", 11),
    ("December", 12),
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sept", 9),
    ("Sep", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

const EN_SEASONS: &[(&str, Season)] = &[
    ("Spring", Season::Spring),
    ("Summer", Season::Summer),
    ("Autumn", Season::Autumn),
    ("Fall", Season::Autumn),
    ("Winter", Season::Winter),
];

/// The forward scanner behind [`crate::scan`].
#[derive(Debug, Clone)]
pub struct Scanner<'t> {
    text: &'t str,
    pos: usize,
    reference: Option<Ymd>,
    /// The value last mentioned (the end of a range), for 同年, 翌年, bare months.
    prev: Option<Ymd>,
    /// The date last mentioned opened a period up to now (`22年から3年連続`,
    /// `2015年以降`): later bare months belong to the reference year.
    prev_open: bool,
    /// The date the text was at before the open period last mentioned (`2022年6月 …
    /// 2006年以来 …`): without a reference date, later bare months belong to it.
    present: Option<Ymd>,
    /// The date last mentioned was a fiscal year (`2024年度`): a bare `下半期` is of it.
    prev_fiscal: bool,
    /// Where the date last mentioned ended, for how near it is to a damaged date.
    prev_end: usize,
    /// The month or day last mentioned outside quotations and deadlines: the time the
    /// narrative is at, which a look back to a bare year does not move.
    narrative: Option<Ymd>,
    /// A line break has come since the date last mentioned.
    prev_line_passed: bool,
    /// Without a reference date, the latest month or day (or year told as past)
    /// mentioned so far outside quotations and deadlines: the best guess of when the
    /// text was written.
    latest: Option<Ymd>,
    /// A scanner looking ahead for the dates after a damaged one does not look further.
    lookahead: bool,
    /// Depth of 「…」 quotation at `pos` (reset at each line break): dates quoted from
    /// speech are read, but do not become the date later bare months refer to.
    quote_depth: u32,
    /// End of the mention emitted last, for coordinated years (`2018年と20年`).
    last_end: Option<usize>,
    /// The text has written a two-digit year with a month or fiscal year (`24年8月`):
    /// it abbreviates years, so a bare `19年` is a year too.
    abbreviates: bool,
}

impl<'t> Scanner<'t> {
    /// A scanner over `text`.
    pub fn new(text: &'t str, context: &Context) -> Scanner<'t> {
        Scanner {
            text,
            pos: 0,
            reference: context.reference,
            prev: None,
            prev_open: false,
            present: None,
            prev_fiscal: false,
            prev_end: 0,
            narrative: None,
            prev_line_passed: false,
            latest: None,
            lookahead: true,
            quote_depth: 0,
            last_end: None,
            abbreviates: false,
        }
    }

    pub(crate) fn next_hit(&mut self) -> Option<Hit> {
        loop {
            let i = next_trigger(self.text.as_bytes(), self.pos)?;
            if at(self.text, i, "\n") {
                self.quote_depth = 0;
                self.prev_line_passed = true;
                self.pos = i + 1;
                continue;
            }
            if at(self.text, i, "「") {
                self.quote_depth += 1;
                self.pos = i + "「".len();
                continue;
            }
            if at(self.text, i, "」") {
                self.quote_depth = self.quote_depth.saturating_sub(1);
                self.pos = i + "」".len();
                continue;
            }
            match self.parse_at(i) {
                Some(hit)
                    if hit.start >= self.pos && hit.end > i && in_url(self.text, hit.start) =>
                {
                    // `https://…/2024/10/27/…`: part of an address, not a date of the text.
                    self.pos = hit.end;
                }
                Some(hit) if hit.start >= self.pos && hit.end > i => {
                    self.pos = hit.end;
                    self.last_end = Some(hit.end);
                    if hit.date.precision != Precision::Year && is_two_digit_year(&hit.date) {
                        self.abbreviates = true;
                    }
                    // A deadline (`2014年末までに`) is not the time the text is at.
                    let deadline = hit.date.end.is_none() && at(self.text, hit.end, "までに");
                    if (self.quote_depth == 0 && !deadline) || self.prev.is_none() {
                        if !self.prev_open {
                            self.present = self.prev;
                        }
                        let anchor = anchor_of(&hit.date);
                        self.prev = Some(anchor);
                        self.prev_line_passed = false;
                        if anchor.month.is_some() {
                            self.narrative = Some(anchor);
                        }
                        self.prev_fiscal = hit.date.precision == Precision::FiscalYear;
                        self.prev_end = hit.end;
                        self.prev_open = hit.date.end.is_none()
                            && at_any(self.text, hit.end, &["から", "以降", "以来"]).is_some();
                    }
                    // Without a reference date, remember the latest date the text is at:
                    // a month or day, or a year told as past (`2022年は決定的な年だった`),
                    // not a goal (`2053年へ向けた`).
                    if self.reference.is_none()
                        && self.quote_depth == 0
                        && !deadline
                        && !hit.date.damaged
                        && hit.date.end.is_none()
                        && self.latest.is_none_or(|l| hit.date.start > l)
                        && (hit.date.start.month.is_some()
                            || hit.date.precision == Precision::Year
                                && told_as_past(self.text, hit.end, true))
                    {
                        self.latest = Some(hit.date.start);
                    }
                    return Some(hit);
                }
                _ => {
                    self.pos = skip_number(self.text, i);
                }
            }
        }
    }

    fn parse_at(&self, i: usize) -> Option<Hit> {
        let b = self.text.as_bytes();
        let hit = if b[i] >= 0x80 && !is_numeral_start(b, i) {
            // A keyword or an era name: the next character decides, cheaply, for the
            // many words that only share the first character (同盟, 日本, 大統領).
            let next = char_at(self.text, i + 3)?;
            if is_any_digit(next) && (at(self.text, i, "同") || at(self.text, i, "翌")) {
                return self.keyword(i).map(|h| self.extend_range(h));
            }
            if at(self.text, i, "第")
                || (next == '半' && (at(self.text, i, "上") || at(self.text, i, "下")))
            {
                return self.bare_half_or_quarter(i);
            }
            let era_next = matches!(next, '和' | '成' | '正' | '治');
            if !(era_next
                || matches!(
                    next,
                    '年' | '月'
                        | '日'
                        | '昨'
                        | '来'
                        | '々'
                        | '春'
                        | '夏'
                        | '秋'
                        | '冬'
                        | '末'
                        | '初'
                ))
            {
                return None;
            }
            self.keyword(i)?
        } else {
            match self.keyword(i) {
                Some(hit) => hit,
                None => self.number_led(i, None)?,
            }
        };
        Some(self.extend_range(hit))
    }

    // ----- resolution -------------------------------------------------------

    /// The year a bare month (`8月26日`) belongs to: the date last mentioned, else
    /// the reference date. A bare year (no month) earlier than the month or day last
    /// mentioned, in an earlier paragraph, is a look back: the month belongs to the
    /// year of that month or day.
    fn year_anchor(&self, base: Option<Ymd>) -> Option<(i32, Anchoring, Ymd)> {
        if let Some(b) = base {
            return Some((b.year, Anchoring::PreviousMention, b));
        }
        if self.prev_open {
            // After an open period (`2015年以降`, `2006年以来`) the text is back at its
            // present: the reference date, else the date it was at before the period.
            if let Some(r) = self.reference {
                return Some((r.year, Anchoring::Reference, r));
            }
            if let Some(p) = self.present {
                return Some((p.year, Anchoring::PreviousMention, p));
            }
        }
        if let Some(p) = self.prev {
            if let Some(n) = self
                .narrative
                .filter(|n| p.month.is_none() && self.prev_line_passed && n.year > p.year)
            {
                // A bare year before the time the narrative is at, in an earlier
                // paragraph (`2022年 … 12月28日 … 5月 …\n2019年に課された制裁 …\n8月の
                // 決定`), looked back: a bare month after it is back in the narrative.
                return Some((n.year, Anchoring::PreviousMention, n));
            }
            return Some((p.year, Anchoring::PreviousMention, p));
        }
        self.reference.map(|r| (r.year, Anchoring::Reference, r))
    }

    /// What `昨年`, `今月` … are resolved against: the reference date, else (anchoring
    /// `unresolved`) the latest date the text has mentioned so far, the best
    /// guess of when it was written.
    fn now(&self) -> Option<(Ymd, Anchoring)> {
        match (self.reference, self.latest) {
            (Some(r), _) => Some((r, Anchoring::Reference)),
            (None, Some(l)) => Some((l, Anchoring::Unresolved)),
            (None, None) => None,
        }
    }

    /// What `同年`, `翌月` … are resolved against: the date mentioned last, else (when
    /// the text has mentioned none the scanner could read) the reference date or the
    /// guess of [`Scanner::now`], anchored `unresolved`.
    fn prev_or_now(&self) -> Option<(Ymd, Anchoring)> {
        match self.prev {
            Some(p) => Some((p, Anchoring::PreviousMention)),
            None => self.now().map(|(r, _)| (r, Anchoring::Unresolved)),
        }
    }

    /// The year of a two-digit year `nn`: in the century that puts it at most 20
    /// years after the reference (or after the start of a range).
    fn two_digit(&self, nn: i32, base: Option<Ymd>) -> (i32, Anchoring, Option<Ymd>) {
        if let Some(b) = base {
            let mut y = b.year.div_euclid(100) * 100 + nn;
            if y < b.year {
                y += 100;
            }
            return (y, Anchoring::PreviousMention, Some(b));
        }
        if let Some(r) = self.reference {
            let mut y = r.year.div_euclid(100) * 100 + nn;
            if y > r.year + 20 {
                y -= 100;
            }
            return (y, Anchoring::Reference, Some(r));
        }
        (
            if nn < 50 { 2000 + nn } else { 1900 + nn },
            Anchoring::Unresolved,
            None,
        )
    }

    // ----- keyword-led forms -----------------------------------------------

    fn keyword(&self, i: usize) -> Option<Hit> {
        let s = self.text;
        if let Some((era, len)) = era_name_at(s, i) {
            return self.era_form(i, era, len);
        }
        if at(s, i, "年") {
            return self.bare_year_part(i);
        }
        // Years relative to the reference date.
        const REF_YEARS: &[(&str, i32)] = &[
            ("一昨年", -2),
            ("昨年", -1),
            ("去年", -1),
            ("今年", 0),
            ("本年", 0),
            ("再来年", 2),
            ("来年", 1),
            ("明年", 1),
        ];
        for &(kw, delta) in REF_YEARS {
            if at(s, i, kw) {
                let (r, anchoring) = self.now()?;
                let form = Form::relative(kw, anchoring, Some(r));
                return self.after_year(i, i + kw.len(), r.year + delta, &form);
            }
        }
        const REF_SEASONS: &[(&str, i32)] = &[("昨", -1), ("今", 0), ("来", 1)];
        for &(kw, delta) in REF_SEASONS {
            if at(s, i, kw) {
                if let Some((season, len)) = season_at(s, i + kw.len()) {
                    let (r, anchoring) = self.now()?;
                    let end = i + kw.len() + len;
                    let form = Form::relative(&s[i..end], anchoring, Some(r));
                    let mut date = form.date(Ymd::year(r.year + delta), Precision::Season);
                    date.season = Some(season);
                    return Some(Hit {
                        start: i,
                        end,
                        date,
                    });
                }
            }
        }
        // Months from the article's date (先月) or from the date mentioned last (翌月).
        const MONTHS: &[(&str, i32, bool)] = &[
            ("先々月", -2, false),
            ("先月", -1, false),
            ("今月", 0, false),
            ("来月", 1, false),
            ("同月", 0, true),
            ("翌月", 1, true),
            ("前月", -1, true),
        ];
        for &(kw, delta, from_previous) in MONTHS {
            if at(s, i, kw) {
                let (base, anchoring) = if from_previous {
                    self.prev_or_now()?
                } else {
                    self.now()?
                };
                let (y, m) = add_months(base.year, base.month?, delta);
                let form = Form::relative(kw, anchoring, Some(base));
                return Some(self.after_month(i, i + kw.len(), y, m, &form));
            }
        }
        // Relative to the date mentioned last.
        const PREV_YEARS: &[(&str, i32)] = &[("同年", 0), ("翌年", 1), ("前年", -1)];
        for &(kw, delta) in PREV_YEARS {
            if at(s, i, kw) {
                let k = i + kw.len();
                if at_any(s, k, &["代", "比", "同期", "齢"]).is_some() {
                    return None;
                }
                let (p, anchoring) = self.prev_or_now()?;
                let form = Form::relative(kw, anchoring, Some(p));
                return self.after_year(i, k, p.year + delta, &form);
            }
        }
        if at(s, i, "同") && char_at(s, i + "同".len()).is_some_and(is_any_digit) {
            // `同10月`, `同10月5日`: a month of the year last mentioned.
            let p = self.prev?;
            let form = Form::relative("同", Anchoring::PreviousMention, Some(p));
            let k = i + "同".len();
            if let Some(d) = read_num(s, k) {
                if let (Some(e), Some(m)) = (unit(s, d.end, "日"), p.month) {
                    // `同15日`: a day of the month last mentioned.
                    if d.digits <= 2 && (1..=u64::from(days_in_month(p.year, m))).contains(&d.value)
                    {
                        return Some(Hit {
                            start: i,
                            end: self.weekday(e),
                            date: form.date(Ymd::day(p.year, m, d.value as u8), Precision::Day),
                        });
                    }
                    return None;
                }
            }
            let hit = self.after_year(i, k, p.year, &form)?;
            return matches!(hit.date.precision, Precision::Month | Precision::Day).then_some(hit);
        }
        if at(s, i, "翌") && char_at(s, i + "翌".len()).is_some_and(is_any_digit) {
            // `翌25日`: the next day of that number after the date last mentioned.
            let p = self.prev?;
            let d = read_num(s, i + "翌".len())?;
            let e = unit(s, d.end, "日")?;
            let (pm, pd) = (p.month?, p.day?);
            if d.kanji || d.digits > 2 {
                return None;
            }
            let (y, m) = if d.value > u64::from(pd) {
                (p.year, pm)
            } else {
                add_months(p.year, pm, 1)
            };
            if !(1..=u64::from(days_in_month(y, m))).contains(&d.value) {
                return None;
            }
            let form = Form::relative(&s[i..e], Anchoring::PreviousMention, Some(p));
            return Some(Hit {
                start: i,
                end: self.weekday(e),
                date: form.date(Ymd::day(y, m, d.value as u8), Precision::Day),
            });
        }
        const PREV_DAYS: &[(&str, i64)] = &[("同日", 0), ("翌日", 1), ("前日", -1)];
        for &(kw, delta) in PREV_DAYS {
            if at(s, i, kw) {
                let p = self.prev?;
                let day = chrono::NaiveDate::from_ymd_opt(
                    p.year,
                    u32::from(p.month?),
                    u32::from(p.day?),
                )?
                .checked_add_signed(chrono::TimeDelta::try_days(delta)?)?;
                let value = ymd_of(day)?;
                let form = Form::relative(kw, Anchoring::PreviousMention, Some(p));
                let end = self.weekday(i + kw.len());
                return Some(Hit {
                    start: i,
                    end,
                    date: form.date(value, Precision::Day),
                });
            }
        }
        None
    }

    /// `年末`, `年初`, `年初め` without a year: a part of the year a bare month would
    /// have (the year last mentioned, else the reference year). Not inside a word
    /// (`毎年末`, `例年初`) or after a number (`5年末`).
    fn bare_year_part(&self, i: usize) -> Option<Hit> {
        let s = self.text;
        if char_before(s, i).is_some_and(|b| {
            is_word_cjk(b) || is_any_digit(b) || b.is_ascii_alphanumeric() || b == '〇'
        }) {
            return None;
        }
        let k = i + "年".len();
        let (part, len) = year_part(s, k)
            .filter(|(p, _)| matches!(p, DatePart::YearEnd | DatePart::YearStart))
            .filter(|_| !at(s, k, "頭"))?;
        let end = k + len;
        let (year, anchoring, against) = self.year_anchor(None)?;
        let mut date = Form::relative(&s[i..end], anchoring, Some(against))
            .date(Ymd::year(year), Precision::Year);
        date.part = Some(part);
        Some(Hit {
            start: i,
            end,
            date,
        })
    }

    /// `上半期`, `下半期`, `第1四半期` (`第一四半期`) without a year: a half or quarter of
    /// the year a bare month would have (the year last mentioned, else the reference
    /// year), or of the fiscal year when the date last mentioned was a fiscal year
    /// (`2024年度予算 … 下半期に` is October 2024 to March 2025; a fiscal quarter counts
    /// from April). Not inside a word (`以上半期`, `以下半期`) or after a number.
    fn bare_half_or_quarter(&self, i: usize) -> Option<Hit> {
        let s = self.text;
        let half = at_any(s, i, &["上半期", "下半期"]).map(|len| i + len);
        let quarter = match half {
            Some(_) => None,
            None => Some(quarter_at(s, i)?),
        };
        if char_before(s, i).is_some_and(|b| {
            is_word_cjk(b) || is_any_digit(b) || b.is_ascii_alphanumeric() || b == '〇'
        }) {
            return None;
        }
        let (year, anchoring, against) = self.year_anchor(None)?;
        let fiscal = self.prev_fiscal && !self.prev_open;
        if let Some(k) = half {
            let part = if at(s, i, "上") {
                DatePart::FirstHalf
            } else {
                DatePart::SecondHalf
            };
            let form = Form::relative(&s[i..k], anchoring, Some(against));
            let mut date = if fiscal {
                let mut d = form.date(Ymd::month(year, 4), Precision::FiscalYear);
                d.end = Some(Ymd::month(year + 1, 3));
                d
            } else {
                form.date(Ymd::year(year), Precision::Year)
            };
            date.part = Some(part);
            return Some(Hit {
                start: i,
                end: k,
                date,
            });
        }
        let (q, end) = quarter?;
        let (first_year, first_month) = if fiscal {
            add_months(year, 4, (q - 1) * 3)
        } else {
            (year, (q as u8 - 1) * 3 + 1)
        };
        let (last_year, last_month) = add_months(first_year, first_month, 2);
        let form = Form::relative(&s[i..end], anchoring, Some(against));
        let mut date = form.date(Ymd::month(first_year, first_month), Precision::Range);
        date.end = Some(Ymd::month(last_year, last_month));
        Some(Hit {
            start: i,
            end,
            date,
        })
    }

    fn era_form(&self, i: usize, era: Era, len: usize) -> Option<Hit> {
        let s = self.text;
        // `令和 6 年` as copies from PDFs space it.
        let k = skip_space(s, i + len);
        if at(s, k, "元") {
            if let Some((year, after)) = gregorian_in_brackets(s, k + "元".len()) {
                // `令和元(2019)年`.
                return self.after_year(i, after, year, &Form::era(era));
            }
        }
        let (n, after) = if at(s, k, "元年") {
            (1, k + "元年".len())
        } else if let Some(num) = read_num(s, k) {
            if num.value == 0 || num.value > 99 {
                return None;
            }
            if let Some((year, after)) = gregorian_in_brackets(s, num.end) {
                // `令和6(2024)年`: the Gregorian year in brackets is what was meant.
                let form = Form::era(era);
                return self.after_year(i, after, year, &form);
            }
            if let Some(hit) = self.era_dotted(i, era, num) {
                // `令和6.10.27`, `平成30.4.1`.
                return Some(hit);
            }
            let Some(after) = unit(s, num.end, "年") else {
                // `令和5〜7年度`, `平成30〜令和2年`: the start of a range of era years
                // (`令和5 〜 7年度` spaced).
                let d1 = Hit {
                    start: i,
                    end: num.end,
                    date: Form::era(era).date(
                        Ymd::year(gregorian_year(era, num.value as i32)),
                        Precision::Year,
                    ),
                };
                return match at_any(s, num.end, RANGE_SEPS) {
                    Some(len) => self.range_with(&d1, num.end + len),
                    None => self.spaced_range(&d1, num.end),
                };
            };
            (num.value as i32, after)
        } else {
            // The era alone: its whole span of years.
            const FOLLOW: &[&str] = &[
                "の", "期", "時代", "初", "中", "末", "後", "前", "以", "から", "まで", "に", "は",
                "、", "。", ")", "）", " ", "\n",
            ];
            if k < s.len() && at_any(s, k, FOLLOW).is_none() {
                return None;
            }
            let (first, last) = crate::era::era_bounds(era);
            if last.year > 3000 {
                return None;
            }
            let mut date = Date {
                end: Some(Ymd::year(last.year)),
                precision: Precision::Range,
                kind: DateKind::Era,
                era: Some(era),
                ..Date::absolute(Ymd::year(first.year))
            };
            date.kind = DateKind::Era;
            return Some(Hit {
                start: i,
                end: k,
                date,
            });
        };
        let form = Form::era(era);
        self.after_year(i, after, gregorian_year(era, n), &form)
    }

    /// `令和6.10.27`, `平成30/4/1`: an era name, then its year, month and day with dots
    /// or slashes (the same separator twice), as forms and notices write them; `num`
    /// is the year after the name at `i`. A version or section number never follows an
    /// era name, but a fourth number (`令和6.10.27.1`) or a day the month does not have
    /// is not read.
    fn era_dotted(&self, i: usize, era: Era, num: Num) -> Option<Hit> {
        let s = self.text;
        if num.kanji {
            return None;
        }
        let sep = at_any(s, num.end, &[".", "/", "．", "／"])?;
        let sep_str = &s[num.end..num.end + sep];
        let m = read_num(s, num.end + sep)?;
        if m.kanji || m.digits > 2 || !(1..=12).contains(&m.value) || !at(s, m.end, sep_str) {
            return None;
        }
        let d = read_num(s, m.end + sep)?;
        let year = gregorian_year(era, num.value as i32);
        let month = m.value as u8;
        if d.kanji
            || d.digits > 2
            || !(1..=u64::from(days_in_month(year, month))).contains(&d.value)
            || trailing_number(s, d.end)
        {
            return None;
        }
        Some(Hit {
            start: i,
            end: self.weekday(d.end),
            date: Form::era(era).date(Ymd::day(year, month, d.value as u8), Precision::Day),
        })
    }

    // ----- number-led forms --------------------------------------------------

    fn number_led(&self, i: usize, base: Option<Ymd>) -> Option<Hit> {
        let s = self.text;
        let n = read_num(s, i)?;
        if n.ascii {
            if let Some(hit) = self.english_before(i, n) {
                return Some(hit);
            }
            if let Some(hit) = self.fy(i, n) {
                return Some(hit);
            }
            if n.digits == 2 && base.is_none() {
                if let Some(hit) = self.two_digit_dotted(i, n) {
                    return Some(hit);
                }
            }
            if n.digits <= 2 {
                if let Some(hit) = self.era_letter(i, n) {
                    return Some(hit);
                }
                if let Some(hit) = self.english_day_first(i, n) {
                    return Some(hit);
                }
            }
        }
        if !n.ascii && !n.kanji && n.digits <= 2 {
            // `Ｒ６．１０．２７`, `Ｈ３０年`: an era letter before full-width digits.
            if let Some(hit) = self.era_letter(i, n) {
                return Some(hit);
            }
        }
        if !n.kanji && n.digits > 0 {
            if let Some(b) = char_before(s, i) {
                // Inside a longer token (`No.680`, `I_13495`, `v2.1`): not a date.
                if b.is_ascii_alphanumeric() || b == '_' || b == '.' || b == '#' || b == '$' {
                    return None;
                }
            }
        }
        let j = n.end;
        if let Some(k) = unit(s, j, "年") {
            return self.year_form(i, n, k, base);
        }
        if n.digits == 4 && !n.kanji && (1000..=2199).contains(&n.value) {
            // `2024(令和6)年`.
            if let Some(k) = era_in_brackets(s, j) {
                return self.after_year(i, k, n.value as i32, &Form::default());
            }
        }
        if let Some(k) = unit(s, j, "月") {
            return self.month_form(i, n, k, base);
        }
        if let Some(k) = unit(s, j, "日") {
            return self.day_form(i, n, k, base);
        }
        if n.kanji {
            return None;
        }
        if n.digits == 4 {
            if let Some(hit) = self.numeric(i, n) {
                return Some(hit);
            }
            let year = n.value as i32;
            if !(1000..=2199).contains(&year) {
                return None;
            }
            // `2015,16年`: a year coordinated with the next one.
            if let Some(len) = at_any(s, j, &[",", "，", "、", "・"]) {
                if let Some(m) = read_num(s, j + len) {
                    if !m.kanji && at(s, m.end, "年") && (m.digits == 2 || m.digits == 4) {
                        return Some(Hit {
                            start: i,
                            end: j,
                            date: Date::absolute(Ymd::year(year)),
                        });
                    }
                }
            }
            // `2023〜26年`, `2023-2025`: the start of a range.
            if let Some(len) = at_any(s, j, RANGE_SEPS) {
                let d1 = Hit {
                    start: i,
                    end: j,
                    date: Date::absolute(Ymd::year(year)),
                };
                if let Some(range) = self.range_with(&d1, j + len) {
                    return Some(range);
                }
                if let Some(range) = bare_year_range(s, i, year, j, len) {
                    return Some(range);
                }
            } else if let Some(range) = self.spaced_range(
                &Hit {
                    start: i,
                    end: j,
                    date: Date::absolute(Ymd::year(year)),
                },
                j,
            ) {
                // `2023 〜 2027年度`: spaced, the end must be written with its unit.
                return Some(range);
            }
            if let Some(hit) = slashed_years(s, i, year, j) {
                return Some(hit);
            }
            if at(s, j, "会計年度") {
                // `2025会計年度`: the United States fiscal year, October to September.
                let mut date = Date::absolute(Ymd::month(year - 1, 10));
                date.end = Some(Ymd::month(year, 9));
                date.precision = Precision::FiscalYear;
                date.kind = DateKind::Fiscal;
                return Some(Hit {
                    start: i,
                    end: j + "会計年度".len(),
                    date,
                });
            }
            return self.english_bare_year(i, n);
        }
        if base.is_none() {
            return self.month_range(i, n);
        }
        None
    }

    /// `N年…` with the number `n` at `i` and `k` just after `年`.
    fn year_form(&self, i: usize, n: Num, k: usize, base: Option<Ymd>) -> Option<Hit> {
        let s = self.text;
        if n.kanji {
            if n.digits == 4 || (n.digits == 0 && n.value >= 1800) {
                if !(1000..=2199).contains(&n.value) {
                    return None;
                }
                let form = Form::default();
                return self.after_year(i, k, n.value as i32, &form);
            }
            return None;
        }
        match n.digits {
            4 => {
                if !(1000..=2199).contains(&n.value) {
                    return None;
                }
                self.after_year(i, k, n.value as i32, &Form::default())
            }
            2 => {
                if let Some(b) = char_before(s, i) {
                    if is_any_digit(b) || b.is_ascii_alphabetic() || b == '第' {
                        return None;
                    }
                }
                let (year, anchoring, against) = self.two_digit(n.value as i32, base);
                let expression = &s[i..k];
                let form = Form::relative(expression, anchoring, against);
                let hit = self.after_year(i, k, year, &form)?;
                let quoted = char_before(s, i).is_some_and(|c| matches!(c, '\'' | '’'));
                if (hit.date.precision == Precision::Year && hit.date.part.is_none()
                    || at(s, k, "の"))
                    && base.is_none()
                    && !quoted
                {
                    // A bare two-digit year (`19年には`) is a year when it is coordinated
                    // with the year just before (`2018年と20年`), or when the text
                    // abbreviates years and it stands where a year can stand; otherwise
                    // it is a count of years (`協議の15年`, `それから15年`). An apostrophe
                    // marks an abbreviated year (`'21年`).
                    let coordinated = self.last_end.is_some_and(|e| {
                        e <= i
                            && [
                                "と",
                                "、",
                                ",",
                                "，",
                                "・",
                                "や",
                                "及び",
                                "および",
                                "または",
                            ]
                            .contains(&&s[e..i])
                    });
                    let range_start = at_any(s, k, RANGE_SEPS)
                        .is_some_and(|len| char_at(s, k + len).is_some_and(is_any_digit));
                    let in_style = self.abbreviates
                        && two_digit_prefix_ok(s, i)
                        && !ends_count_range(s, i)
                        && !self.after_count_of_years(i);
                    if !(coordinated || range_start || in_style) {
                        return None;
                    }
                }
                let mut hit = hit;
                if quoted {
                    hit.start = i - char_before(s, i).map_or(0, char::len_utf8);
                }
                Some(hit)
            }
            _ => None,
        }
    }

    /// What follows a year: 度, 代, a month, a season, a part, or nothing. The same
    /// year in the other calendar in brackets (`令和6年（2024年）10月`,
    /// `2024年（令和6年）`) is part of the mention.
    fn after_year(&self, i: usize, k: usize, year: i32, form: &Form) -> Option<Hit> {
        let s = self.text;
        let k = same_year_in_brackets(s, k, year).unwrap_or(k);
        if at(s, k, "度") {
            let mut date = form.date(Ymd::month(year, 4), Precision::FiscalYear);
            date.end = Some(Ymd::month(year + 1, 3));
            if date.kind == DateKind::Absolute {
                date.kind = DateKind::Fiscal;
            }
            let mut end = k + "度".len();
            if let Some((q, qend)) = quarter_at(s, end) {
                // `2024年度第1四半期`: a quarter of the fiscal year, counted from April.
                let (fy, fm) = add_months(year, 4, (q - 1) * 3);
                let (ly, lm) = add_months(fy, fm, 2);
                date.start = Ymd::month(fy, fm);
                date.end = Some(Ymd::month(ly, lm));
                date.precision = Precision::Range;
                return Some(Hit {
                    start: i,
                    end: qend,
                    date,
                });
            }
            if let Some((part, len)) = year_part(s, end) {
                // `2024年度末`, `2025年度前半`: a part of the fiscal year.
                date.part = Some(part);
                end += len;
            }
            return Some(Hit {
                start: i,
                end,
                date,
            });
        }
        let era_n = form.era.map(|e| year - gregorian_year(e, 1) + 1);
        if at(s, k, "代") && era_n.unwrap_or(year) % 10 == 0 {
            let mut date = form.date(Ymd::year(year), Precision::Range);
            date.end = Some(Ymd::year(year + 9));
            if date.kind == DateKind::Absolute {
                date.kind = DateKind::Range;
            }
            let mut end = k + "代".len();
            if let Some((part, len)) = year_part(s, end) {
                // `1990年代後半`, `2000年代初頭`, `1980年代末`: a part of the decade.
                date.part = Some(part);
                end += len;
            } else if at(s, end, "半ば") {
                end += "半ば".len();
            }
            return Some(Hit {
                start: i,
                end,
                date,
            });
        }
        let km = skip_space(s, k);
        if let Some(m) = read_num(s, km) {
            // A range of months in one year: `2024年7〜9月`.
            if !m.kanji && m.digits <= 2 && (1..=12).contains(&m.value) {
                if let Some((last, end)) = self.range_end_in(m.end, "月") {
                    if (m.value + 1..=12).contains(&last) {
                        let mut date = form.date(Ymd::month(year, m.value as u8), Precision::Range);
                        date.end = Some(Ymd::month(year, last as u8));
                        date.kind = DateKind::Range;
                        return Some(Hit {
                            start: i,
                            end,
                            date,
                        });
                    }
                }
            }
            if let Some(e) = unit(s, m.end, "月") {
                if (1..=12).contains(&m.value) && (m.kanji || m.digits <= 2) {
                    return Some(self.after_month(i, e, year, m.value as u8, form));
                }
            } else if let Some(len) = at_any(s, m.end, &["・", "、", ","]) {
                // Coordinated months: `2023年5・6月号` is May, then June.
                if let Some(m2) = read_num(s, m.end + len) {
                    if !m.kanji
                        && !m2.kanji
                        && m.digits <= 2
                        && m2.digits <= 2
                        && (1..=12).contains(&m.value)
                        && (m.value + 1..=12).contains(&m2.value)
                        && unit(s, m2.end, "月").is_some()
                    {
                        return Some(Hit {
                            start: i,
                            end: m.end,
                            date: form.date(Ymd::month(year, m.value as u8), Precision::Month),
                        });
                    }
                }
            } else if let Some(e) = unit(s, m.end, "日") {
                // `2024年78日`, but not `2024年10日間`.
                let two = m.digits == 2 && s[..k].ends_with('年');
                if m.ascii
                    && ((3..=4).contains(&m.digits) || two)
                    && at_any(s, e, DAY_DURATION).is_none()
                {
                    // 月 lost: `昨年1113日`, `2023年128日`.
                    return self.damaged_md(i, e, year, &s[km..m.end], form, "月 lost");
                }
            }
        }
        if let Some((season, len)) = season_at(s, k) {
            let mut date = form.date(Ymd::year(year), Precision::Season);
            date.season = Some(season);
            let mut end = k + len;
            if at(s, end, "季") {
                end += "季".len();
            }
            return Some(Hit {
                start: i,
                end,
                date,
            });
        }
        if let Some((part, len)) = year_part(s, k) {
            let mut date = form.date(Ymd::year(year), Precision::Year);
            date.part = Some(part);
            return Some(Hit {
                start: i,
                end: k + len,
                date,
            });
        }
        if at(s, k, "半ば") {
            // The middle of the year: no part of its own in the model; the year stands.
            return Some(Hit {
                start: i,
                end: k + "半ば".len(),
                date: form.date(Ymd::year(year), Precision::Year),
            });
        }
        if let Some(len) = at(s, k, "の").then_some("の".len()) {
            // `2023年の夏`: the season of the year, unless the season character begins
            // a word (`2023年の春闘`, `秋田`).
            if let Some((season, slen)) = season_at(s, k + len) {
                let e = k + len + slen;
                let word = char_at(s, e).is_some_and(|c| {
                    is_word_cjk(c) && !matches!(c, '季' | '以' | '頃' | '前' | '後' | '中')
                });
                if !word {
                    let mut date = form.date(Ymd::year(year), Precision::Season);
                    date.season = Some(season);
                    let end = if at(s, e, "季") { e + "季".len() } else { e };
                    return Some(Hit {
                        start: i,
                        end,
                        date,
                    });
                }
            }
        }
        if at(s, k, "第") {
            // `2024年第3四半期`: a quarter, as its range of months.
            if let Some(q) = read_num(s, k + "第".len()) {
                if (1..=4).contains(&q.value) && q.digits <= 1 && at(s, q.end, "四半期") {
                    let first = (q.value as u8 - 1) * 3 + 1;
                    let mut date = form.date(Ymd::month(year, first), Precision::Range);
                    date.end = Some(Ymd::month(year, first + 2));
                    if date.kind == DateKind::Absolute {
                        date.kind = DateKind::Range;
                    }
                    return Some(Hit {
                        start: i,
                        end: q.end + "四半期".len(),
                        date,
                    });
                }
            }
        }
        let keyword = form
            .relative
            .as_ref()
            .is_some_and(|r| !r.expression.starts_with(|c: char| is_any_digit(c)));
        if form.relative.is_none() && at(s, k, "前後") {
            // `2024年前後`: about that year (`10年前後` is a count, read elsewhere).
            return Some(Hit {
                start: i,
                end: k,
                date: form.date(Ymd::year(year), Precision::Year),
            });
        }
        if !keyword && at_any(s, k, YEAR_DURATION).is_some() {
            // `100年間`, `30年後`; a keyword year stays a year (`昨年来`).
            return None;
        }
        Some(Hit {
            start: i,
            end: k,
            date: form.date(Ymd::year(year), Precision::Year),
        })
    }

    /// What follows `…M月` at `k`: a day, a part of the month, or nothing.
    fn after_month(&self, i: usize, k: usize, year: i32, month: u8, form: &Form) -> Hit {
        let s = self.text;
        if let Some(d) = read_num(s, skip_space(s, k)) {
            if let Some(e) = unit(s, d.end, "日").filter(|_| {
                (d.kanji || d.digits <= 2)
                    && (1..=u64::from(days_in_month(year, month))).contains(&d.value)
            }) && at_any(s, e, DAY_DURATION).is_none()
            {
                let end = self.weekday(e);
                return Hit {
                    start: i,
                    end,
                    date: form.date(Ymd::day(year, month, d.value as u8), Precision::Day),
                };
            }
            // Coordinated days: `10月27、28日` is the 27th, then the 28th.
            if let Some(len) = at_any(s, d.end, &["、", ",", "，", "・"]) {
                if let Some(d2) = read_num(s, d.end + len) {
                    let last = u64::from(days_in_month(year, month));
                    if !d.kanji
                        && d.digits <= 2
                        && d2.digits <= 2
                        && !d2.kanji
                        && unit(s, d2.end, "日").is_some()
                        && (1..=last).contains(&d.value)
                        && (d.value + 1..=last).contains(&d2.value)
                    {
                        return Hit {
                            start: i,
                            end: d.end,
                            date: form.date(Ymd::day(year, month, d.value as u8), Precision::Day),
                        };
                    }
                }
            }
            // A range of days in one month: `6月13〜15日`.
            if !d.kanji && d.digits <= 2 {
                if let Some(end_day) = self.range_end_in(d.end, "日") {
                    let last = u64::from(days_in_month(year, month));
                    if (1..=last).contains(&d.value) && (d.value + 1..=last).contains(&end_day.0) {
                        let mut date =
                            form.date(Ymd::day(year, month, d.value as u8), Precision::Range);
                        date.end = Some(Ymd::day(year, month, end_day.0 as u8));
                        date.kind = DateKind::Range;
                        return Hit {
                            start: i,
                            end: end_day.1,
                            date,
                        };
                    }
                }
            }
        }
        let mut date = form.date(Ymd::month(year, month), Precision::Month);
        let mut end = k;
        if let Some((part, len)) = month_part(s, k) {
            date.part = Some(part);
            end += len;
        }
        Hit {
            start: i,
            end,
            date,
        }
    }

    /// `〜15日` at `k`: a range separator (with or without spaces around it, `13 〜 15日`),
    /// a number of one or two digits and `unit`; the number and the end of the unit.
    fn range_end_in(&self, k: usize, unit_str: &str) -> Option<(u64, usize)> {
        let s = self.text;
        const DASHES: &[&str] = &["〜", "～", "~", "－", "–", "—", "-", "−"];
        let from = match at_any(s, k, DASHES) {
            Some(len) => k + len,
            None => spaced_range_sep(s, k).filter(|&j| !s[k..j].contains("から"))?,
        };
        let n = read_num(s, from)?;
        if n.kanji || n.digits > 2 {
            return None;
        }
        let e = unit(s, n.end, unit_str)?;
        Some((n.value, e))
    }

    /// A weekday in brackets after a day, `(日)`: its end, or `k`.
    fn weekday(&self, k0: usize) -> usize {
        let s = self.text;
        let k = if at(s, k0, " ") { k0 + 1 } else { k0 };
        for (open, close) in [("(", ")"), ("（", "）")] {
            if at(s, k, open) {
                let w = k + open.len();
                if let Some(c) = char_at(s, w) {
                    if WEEKDAYS.contains(&c) && at(s, w + c.len_utf8(), close) {
                        return w + c.len_utf8() + close.len();
                    }
                }
            }
        }
        k0
    }

    /// `M月…` without a year, or a year and month whose `年` was lost (`20196月`).
    fn month_form(&self, i: usize, n: Num, k: usize, base: Option<Ymd>) -> Option<Hit> {
        let s = self.text;
        if !n.kanji && (5..=6).contains(&n.digits) {
            let digits = &s[i..n.end];
            let (year, month) = split_year(digits)?;
            let month: u8 = month.parse().ok()?;
            if !(1..=12).contains(&month)
                || !(1000..=2199).contains(&year)
                || digits.len() != n.end - i
            {
                return None;
            }
            let mut hit = self.after_month(i, k, year, month, &Form::default());
            hit.date.damaged = true;
            hit.date.readings = vec![Reading {
                value: hit.date.start,
                score: 1.0,
                reason: "年 lost between the year and the month".to_string(),
            }];
            return Some(hit);
        }
        if !(1..=12).contains(&n.value) || (!n.kanji && n.digits > 2) {
            return None;
        }
        if let Some(b) = char_before(s, i) {
            if is_any_digit(b) || b == '第' || b == '毎' || b == '数' || b.is_ascii_alphabetic()
            {
                return None;
            }
        }
        let (year, anchoring, against) = self.bare_month_year(n.value as u8, k, base)?;
        let mut form = Form::relative(&s[i..k], anchoring, Some(against));
        if base.is_some() {
            form.kind = DateKind::Absolute;
            form.relative = None;
        }
        let mut hit = self.after_month(i, k, year, n.value as u8, &form);
        if let Some(r) = hit.date.relative.as_mut() {
            r.expression = s[hit.start..hit.end].to_string();
        }
        Some(hit)
    }

    /// The year of a bare `month` whose `月` ends at `k`: the year of the date last
    /// mentioned (the start of the range for `base`), or of the reference date.
    fn bare_month_year(
        &self,
        month: u8,
        k: usize,
        base: Option<Ymd>,
    ) -> Option<(i32, Anchoring, Ymd)> {
        let (mut year, anchoring, against) = self.year_anchor(base)?;
        if base.is_some() && against.month.is_some_and(|m| month < m) {
            // The end of a range in the next year: `2023年11月〜2月`.
            year += 1;
        }
        let ahead = self
            .reference
            .filter(|r| r.year == year)
            .and_then(|r| r.month)
            .map_or(0, |m| i32::from(month) - i32::from(m));
        if base.is_none() && ahead > 0 && told_as_past(self.text, k, ahead <= 2) {
            // A month later in the year than the article, told as past (`11月に開かれた`
            // in a March article): the year before. Plans (`11月に開催予定`) and the
            // next month or two, not told as past (`11月5日の大統領選` in October), stay.
            year -= 1;
        }
        if let Some(r) = self.reference.filter(|_| base.is_none()) {
            // A month told as coming (`11月には次の会合が予定されている`) after a date of
            // last year: the next such month from the article on.
            let before_reference = year + 1 >= r.year && (year, Some(month)) < (r.year, r.month);
            if before_reference && future_context(self.text, k) && !past_context(self.text, k) {
                year = if Some(month) < r.month {
                    r.year + 1
                } else {
                    r.year
                };
            }
        }
        Some((year, anchoring, against))
    }

    /// `この10年、20年`: the number at `i` follows a count of years (`N年` that was not
    /// read as a date) and a list separator, so it is a count too.
    fn after_count_of_years(&self, i: usize) -> bool {
        let s = self.text;
        let before = &s[..i];
        let Some(before) = ["、", "，", ",", "と", "や", "・", "から"]
            .iter()
            .find_map(|sep| before.strip_suffix(sep))
        else {
            return false;
        };
        before.ends_with('年')
            && char_before(s, before.len() - "年".len()).is_some_and(is_any_digit)
            && self.last_end != Some(before.len())
    }

    /// `1〜3月` at `i`: a range of months without a year, in the year a bare month
    /// would have.
    fn month_range(&self, i: usize, n: Num) -> Option<Hit> {
        let s = self.text;
        if n.kanji || n.digits > 2 || !(1..=12).contains(&n.value) {
            return None;
        }
        if char_before(s, i)
            .is_some_and(|b| is_any_digit(b) || b == '第' || b == '毎' || b.is_ascii_alphanumeric())
        {
            return None;
        }
        let (last, end) = self.range_end_in(n.end, "月")?;
        if !(n.value + 1..=12).contains(&last) {
            return None;
        }
        let (year, anchoring, against) = self.bare_month_year(n.value as u8, end, None)?;
        let mut date = Form::relative(&s[i..end], anchoring, Some(against))
            .date(Ymd::month(year, n.value as u8), Precision::Range);
        date.end = Some(Ymd::month(year, last as u8));
        date.kind = DateKind::Range;
        Some(Hit {
            start: i,
            end,
            date,
        })
    }

    /// `D日` without year and month (from the date last mentioned), or a date whose
    /// `年` and `月` were lost (`20231113日`).
    fn day_form(&self, i: usize, n: Num, k: usize, base: Option<Ymd>) -> Option<Hit> {
        let s = self.text;
        if !n.kanji && (6..=8).contains(&n.digits) {
            let digits = &s[i..n.end];
            let (year, rest) = split_year(digits)?;
            if !(1000..=2199).contains(&year) {
                return None;
            }
            let form = Form::default();
            return self.damaged_md(i, k, year, rest, &form, "年 and 月 lost");
        }
        if !n.kanji && (3..=4).contains(&n.digits) && base.is_none() {
            // `1113日に`: a month and day whose `月` was lost, in the year a bare month
            // would have; not a count (`就任100日`, `120日間`).
            if char_before(s, i)
                .is_some_and(|b| !(b.is_whitespace() || is_hiragana(b) || is_punct(b)))
                || at_any(s, k, DAY_DURATION).is_some()
            {
                return None;
            }
            let (year, anchoring, against) = self.year_anchor(None)?;
            let form = Form::relative(&s[i..k], anchoring, Some(against));
            let hit = self.damaged_md(i, k, year, &s[i..n.end], &form, "月 lost")?;
            // Later than the article and told as past: the year before, as for a bare
            // month.
            let ahead = self
                .reference
                .filter(|r| r.year == year && hit.date.start > *r)
                .and_then(|r| Some(i32::from(hit.date.start.month?) - i32::from(r.month?)));
            if let Some(ahead) = ahead {
                if told_as_past(s, k, ahead <= 2) {
                    return self.damaged_md(i, k, year - 1, &s[i..n.end], &form, "月 lost");
                }
            }
            return Some(hit);
        }
        // Kanji days alone only when written with 十 (`二十七日`): `一日` is as often
        // "one day" (`一日も早く`).
        let kanji_ok = n.kanji && n.digits == 0 && n.value >= 10;
        if (n.kanji && !kanji_ok) || n.digits > 2 || !(1..=31).contains(&n.value) {
            return None;
        }
        if at_any(s, k, DAY_DURATION).is_some() {
            return None;
        }
        if let Some(b) = char_before(s, i) {
            if !(b.is_whitespace() || is_hiragana(b) || is_punct(b)) {
                return None;
            }
        }
        if base.is_none() && (ends_count_range(s, i) || char_at(s, k).is_some_and(is_any_digit)) {
            // `3〜5日`, `1日3回`: a count of days.
            return None;
        }
        let (p, anchoring) = match (base.or(self.prev), self.reference) {
            (Some(p), _) => (p, Anchoring::PreviousMention),
            (None, Some(r)) => {
                // No date mentioned yet: the month of the reference date, or the month
                // before it for a later day told as past (`27日に開かれた` in an
                // article of the 5th).
                let (y, m) = match (r.month, r.day) {
                    (Some(m), Some(d))
                        if n.value > u64::from(d)
                            && told_as_past(s, k, n.value - u64::from(d) <= 14) =>
                    {
                        add_months(r.year, m, -1)
                    }
                    (Some(m), _) => (r.year, m),
                    (None, _) => return None,
                };
                (Ymd::month(y, m), Anchoring::Reference)
            }
            (None, None) => return None,
        };
        let month = p.month?;
        if n.value > u64::from(days_in_month(p.year, month)) {
            return None;
        }
        let against = if anchoring == Anchoring::Reference {
            self.reference
        } else {
            Some(p)
        };
        let form = if base.is_some() {
            Form::default()
        } else {
            Form::relative(&s[i..k], anchoring, against)
        };
        let end = self.weekday(k);
        Some(Hit {
            start: i,
            end,
            date: form.date(Ymd::day(p.year, month, n.value as u8), Precision::Day),
        })
    }

    /// A month and day whose separator was lost (`1113` → 11-13; `128` → 1-28 or
    /// 12-8): every valid split, ranked by the context.
    fn damaged_md(
        &self,
        i: usize,
        end: usize,
        year: i32,
        md: &str,
        form: &Form,
        what: &str,
    ) -> Option<Hit> {
        if !md.is_ascii() {
            return None;
        }
        let mut candidates = Vec::new();
        for cut in 1..md.len() {
            let (ms, ds) = md.split_at(cut);
            if ms.len() > 2 || ds.len() > 2 || ms.starts_with('0') && ms.len() == 1 {
                continue;
            }
            let (Ok(m), Ok(d)) = (ms.parse::<u8>(), ds.parse::<u8>()) else {
                continue;
            };
            if (1..=12).contains(&m) && d >= 1 && d <= days_in_month(year, m) {
                let mut reason = format!("{what}; month {m}, day {d}");
                // A text pads both numbers or neither: `1月05日` is unlikely.
                let padded = |x: &str| x.len() == 2 && x.starts_with('0');
                let prior = if padded(ms) != padded(ds) && (ms.len() == 1 || ds.len() == 1) {
                    reason.push_str("; one number zero-padded, the other not");
                    0.25
                } else {
                    1.0
                };
                candidates.push((Ymd::day(year, m, d), reason, prior));
            }
        }
        if candidates.is_empty() {
            return None;
        }
        let readings = self.rank(i, end, candidates);
        let mut date = form.date(readings[0].value, Precision::Day);
        date.damaged = true;
        date.readings = readings;
        let end = self.weekday(end);
        Some(Hit {
            start: i,
            end,
            date,
        })
    }

    /// Rank the readings of a damaged date: nearer the date last mentioned and the
    /// reference date is better; later than the reference (a source published after
    /// the article citing it) is worse. Ties keep calendar order.
    fn rank(&self, start: usize, end: usize, candidates: Vec<(Ymd, String, f64)>) -> Vec<Reading> {
        if let [(value, reason, _)] = candidates.as_slice() {
            return vec![Reading {
                value: *value,
                score: 1.0,
                reason: format!("{reason}; the only valid reading"),
            }];
        }
        let context = self.rank_context(start, end);
        let mut readings: Vec<Reading> = candidates
            .into_iter()
            .map(|(value, reason, prior)| {
                let mut weight = 1.0f64;
                let mut reason = reason;
                let best = context
                    .iter()
                    .map(|&(c, trust)| {
                        let days = days_between(value, c);
                        (trust / (1.0 + days as f64 / 30.0), days, c)
                    })
                    .max_by(|a, b| a.0.total_cmp(&b.0));
                if let Some((w, days, c)) = best {
                    weight = w;
                    reason.push_str(&format!("; {days} days from {}", c.iso()));
                }
                if let Some(r) = self.reference {
                    if first_last(value).0 > first_last(r).1 {
                        weight *= 0.25;
                        reason.push_str("; after the reference date");
                    }
                }
                Reading {
                    value,
                    score: (weight * prior) as f32,
                    reason,
                }
            })
            .collect();
        let total: f32 = readings.iter().map(|r| r.score).sum();
        if total > 0.0 {
            for r in &mut readings {
                // Three decimals: enough to rank, and stable in JSON.
                r.score = (r.score / total * 1000.0).round() / 1000.0;
            }
        }
        readings.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.value.cmp(&b.value)));
        readings
    }

    /// The dates a damaged date at `start..end` is likely near, each with how much it
    /// tells: the reference date; the date mentioned last, fully on the same line (the
    /// same note or paragraph), weakly from an earlier one; the next date on the same
    /// line (a note's other dates: `…、2023128日。accessed December 20, 2023`).
    fn rank_context(&self, start: usize, end: usize) -> Vec<(Ymd, f64)> {
        let s = self.text;
        let mut context = Vec::with_capacity(3);
        if let Some(r) = self.reference {
            context.push((r, 1.0));
        } else if let Some(l) = self.latest {
            context.push((l, 0.5));
        }
        if let Some(p) = self.prev {
            let same_line = !s.as_bytes()[self.prev_end.min(start)..start].contains(&b'\n');
            context.push((p, if same_line { 1.0 } else { 0.3 }));
        }
        if self.lookahead {
            // The rest of the line, at most a long note's length (no quadratic work on
            // a huge one-line text full of damaged dates).
            let window = &s.as_bytes()[end..s.len().min(end + 600)];
            let mut line_end = window
                .iter()
                .position(|&b| b == b'\n')
                .map_or(end + window.len(), |k| end + k);
            while !s.is_char_boundary(line_end) {
                line_end -= 1;
            }
            let mut ahead = self.clone();
            ahead.pos = end;
            ahead.lookahead = false;
            ahead.text = &s[..line_end];
            // Only the next date: a damaged one tells nothing.
            if let Some(next) = ahead.next_hit().filter(|h| !h.date.damaged) {
                context.push((anchor_of(&next.date), 1.0));
            }
        }
        context
    }

    /// `2024.03.01`, `2025/06/27`, `2024-06-27`, `2024/10`.
    fn numeric(&self, i: usize, n: Num) -> Option<Hit> {
        let s = self.text;
        let year = n.value as i32;
        if !(1000..=2199).contains(&year) {
            return None;
        }
        let j = n.end;
        let sep = at_any(s, j, &[".", "/", "-", "．", "／", "－"])?;
        let sep_str = &s[j..j + sep];
        let m = read_num(s, j + sep)?;
        if m.kanji || m.digits > 2 || !(1..=12).contains(&m.value) {
            return None;
        }
        let month = m.value as u8;
        if at(s, m.end, sep_str) {
            let d = read_num(s, m.end + sep)?;
            if d.kanji || d.digits > 2 {
                return None;
            }
            if !(1..=u64::from(days_in_month(year, month))).contains(&d.value) {
                return None;
            }
            let first = Ymd::day(year, month, d.value as u8);
            if let Some(hit) = numeric_range_end(s, self.weekday(d.end), first, sep_str) {
                return Some(Hit { start: i, ..hit });
            }
            if trailing_number(s, d.end) {
                return None;
            }
            let end = self.weekday(d.end);
            return Some(Hit {
                start: i,
                end,
                date: Date::absolute(first),
            });
        }
        if (sep_str == "." || sep_str == "．")
            && (1900..=2100).contains(&year)
            && dotted_month_end(s, m.end)
            && !version_before(s, i)
        {
            // `(2023.7)`, `2023.11、`: a year and month as notes write them; not a
            // decimal (`2023.5億円`) nor a version (`ver. 2024.10`).
            return Some(Hit {
                start: i,
                end: m.end,
                date: Date::absolute(Ymd::month(year, month)),
            });
        }
        if (sep_str == "/" || sep_str == "／") && m.digits == 2 && !trailing_number(s, m.end) {
            return Some(Hit {
                start: i,
                end: m.end,
                date: Date::absolute(Ymd::month(year, month)),
            });
        }
        None
    }

    /// `FY2025`, `FY 2025`, `FY25`: a fiscal year written with `FY` before the number
    /// at `i`. It is the United States federal fiscal year (October of the year before
    /// to September), as `2025会計年度` is, unless `年度` follows (`FY2025年度`), which is
    /// the Japanese fiscal year (April to March). Not inside a word (`XFY2025`), not
    /// before more letters or digits (`FY2025A`). `FY2024-25`, `FY2024–2025`,
    /// `FY2024-FY2025`, `FY2024 – FY2025` are ranges of fiscal years (see
    /// [`fy_range_end`]). `FY2024/25` (the year and the next one only) is read as the
    /// same range: a British or Japanese fiscal year written so (April 2024 to March
    /// 2025) and the US fiscal year 2025 both lie inside it. `FY2024/25年度`, like
    /// `2024/25年度`, is the Japanese fiscal year of the first.
    fn fy(&self, i: usize, n: Num) -> Option<Hit> {
        let s = self.text;
        if n.digits != 2 && n.digits != 4 {
            return None;
        }
        let before = &s[..i];
        let fy_start = before
            .strip_suffix("FY")
            .or_else(|| before.strip_suffix("FY "))?
            .len();
        if char_before(s, fy_start).is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            return None;
        }
        let mut j = n.end;
        let mut last = None;
        let mut slashed = false;
        if let Some(len) = at_any(s, j, RANGE_SEPS) {
            if let Some((value, end)) = fy_range_end(s, j + len, n) {
                last = Some(value);
                j = end;
            } else if char_at(s, j + len).is_some_and(is_any_digit) || at(s, j + len, "FY") {
                return None;
            }
        } else if let Some(len) = at_any(s, j, &["/", "／"]) {
            // `FY2024/25`: the year written with the next one (checked below).
            let (value, end) = fy_range_end(s, j + len, n)?;
            last = Some(value);
            j = end;
            slashed = true;
        } else if let Some(k) = spaced_range_sep(s, j).filter(|&k| at(s, k, "FY")) {
            // `FY2024 – FY2025`: spaced, the second year must be written with `FY`.
            if let Some((value, end)) = fy_range_end(s, k, n) {
                last = Some(value);
                j = end;
            }
        }
        let japanese = at(s, j, "年度");
        if !japanese {
            if char_at(s, j).is_some_and(|c| {
                c.is_ascii_alphanumeric()
                    || c == '_'
                    || c == '.' && char_at(s, j + 1).is_some_and(|d| d.is_ascii_digit())
            }) {
                return None;
            }
            if at_any(s, j, &["/", "／"]).is_some() {
                return None;
            }
        }
        let expression = &s[fy_start..n.end];
        let (year, form) = if n.digits == 4 {
            if !(1900..=2199).contains(&n.value) {
                return None;
            }
            (n.value as i32, Form::default())
        } else {
            let (y, anchoring, against) = self.two_digit(n.value as i32, None);
            (y, Form::relative(expression, anchoring, against))
        };
        // The last fiscal year of a range, in the century of the first.
        let ranged = last.is_some();
        let last = match last {
            Some(v) if v < 100 => {
                let mut y = year.div_euclid(100) * 100 + v as i32;
                if y <= year {
                    y += 100;
                }
                y
            }
            Some(v) => v as i32,
            None => year,
        };
        if last < year || last > year + 30 || ranged && last == year {
            return None;
        }
        if slashed && last != year + 1 {
            return None;
        }
        let (mut date, end) = if japanese && slashed {
            // `FY2024/25年度`: like `2024/25年度`, the Japanese fiscal year of the first.
            let mut d = form.date(Ymd::month(year, 4), Precision::FiscalYear);
            d.end = Some(Ymd::month(year + 1, 3));
            if d.kind == DateKind::Absolute {
                d.kind = DateKind::Fiscal;
            }
            return Some(Hit {
                start: fy_start,
                end: j + "年度".len(),
                date: d,
            });
        } else if japanese {
            let mut d = form.date(Ymd::month(year, 4), Precision::FiscalYear);
            d.end = Some(Ymd::month(last + 1, 3));
            (d, j + "年度".len())
        } else {
            let mut d = form.date(Ymd::month(year - 1, 10), Precision::FiscalYear);
            d.end = Some(Ymd::month(last, 9));
            (d, j)
        };
        if last > year {
            date.precision = Precision::Range;
            date.kind = DateKind::Range;
        } else if date.kind == DateKind::Absolute {
            date.kind = DateKind::Fiscal;
        }
        Some(Hit {
            start: fy_start,
            end,
            date,
        })
    }

    /// `24.10.27(日)`, `24.10.27付`: a two-digit year, month and day with dots, read only
    /// when what follows shows it is a date: a weekday in brackets that is the weekday of
    /// that day, or a word a dateline uses (`付`, `付け`, `現在`, `時点`, `発行`, `公開`,
    /// `更新`). Otherwise it may be a version (`24.10.1`), a section (`12.3.4`) or a
    /// score, and is left out.
    fn two_digit_dotted(&self, i: usize, n: Num) -> Option<Hit> {
        let s = self.text;
        let sep = at_any(s, n.end, &[".", "．"])?;
        let sep_str = &s[n.end..n.end + sep];
        let m = read_num(s, n.end + sep)?;
        if !m.ascii || m.digits > 2 || !(1..=12).contains(&m.value) || !at(s, m.end, sep_str) {
            return None;
        }
        let d = read_num(s, m.end + sep)?;
        if !d.ascii || d.digits > 2 || trailing_number(s, d.end) {
            return None;
        }
        let expression = &s[i..d.end];
        let (year, anchoring, against) = self.two_digit(n.value as i32, None);
        let month = m.value as u8;
        if !(1..=u64::from(days_in_month(year, month))).contains(&d.value) {
            return None;
        }
        if char_before(s, i).is_some_and(|b| {
            b.is_ascii_alphanumeric() || matches!(b, '.' | '_' | '-' | '/' | '#' | '$' | '\'' | '’')
        }) || version_before(s, i)
            || ["バージョン", "版", "第", "節", "項", "章", "図", "表"]
                .iter()
                .any(|w| s[..i].trim_end_matches(' ').ends_with(w))
        {
            return None;
        }
        let value = Ymd::day(year, month, d.value as u8);
        let weekday_end = self.weekday(d.end);
        let end = if weekday_end > d.end {
            let named = s[d.end..weekday_end].chars().find(|c| WEEKDAYS.contains(c));
            let actual = chrono::NaiveDate::from_ymd_opt(year, u32::from(month), d.value as u32)?
                .weekday()
                .num_days_from_sunday() as usize;
            if named != Some(WEEKDAYS[actual]) {
                return None;
            }
            weekday_end
        } else if at_any(
            s,
            d.end,
            &["付け", "付", "現在", "時点", "発行", "公開", "更新"],
        )
        .is_some()
            || at(s, d.end, "に") && at_any(s, d.end + "に".len(), EVENT_NOUNS).is_some()
        {
            d.end
        } else {
            return None;
        };
        let form = Form::relative(expression, anchoring, against);
        Some(Hit {
            start: i,
            end,
            date: form.date(value, Precision::Day),
        })
    }

    /// `R6.10.27`, `H31.4.30`, `R6.10`, `H30.4`, `R6`, `H31`: an era letter before the
    /// number at `i`, in ASCII or full width (`Ｒ６．１０．２７`).
    fn era_letter(&self, i: usize, n: Num) -> Option<Hit> {
        let s = self.text;
        let letter = char_before(s, i)?;
        let era = era_of_letter(fold_latin(letter))?;
        let li = i - letter.len_utf8();
        if let Some(b) = char_before(s, li) {
            let b = fold_latin(b);
            if b.is_ascii_alphanumeric() || b == '-' || b == '_' {
                return None;
            }
        }
        if n.value == 0 || n.value > 64 {
            return None;
        }
        let year = gregorian_year(era, n.value as i32);
        let form = Form::era(era);
        if let Some(sep) = at_any(s, n.end, &[".", "/", "．", "／"]) {
            let sep_str = &s[n.end..n.end + sep];
            let m = read_num(s, n.end + sep)?;
            if m.kanji || m.digits > 2 || !(1..=12).contains(&m.value) {
                return None;
            }
            let month = m.value as u8;
            if at(s, m.end, sep_str) {
                let d = read_num(s, m.end + sep)?;
                if d.kanji
                    || d.digits > 2
                    || !(1..=u64::from(days_in_month(year, month))).contains(&d.value)
                    || trailing_number(s, d.end)
                {
                    return None;
                }
                let value = Ymd::day(year, month, d.value as u8);
                let (first, last) = crate::era::era_bounds(era);
                if !matches!(era, Era::Reiwa | Era::Heisei) && (value < first || value > last) {
                    // `S1.2.3`, `M50.1.1`: for the older eras' letters a day outside
                    // the era is rather a section or model number than a date.
                    return None;
                }
                return Some(Hit {
                    start: li,
                    end: d.end,
                    date: form.date(value, Precision::Day),
                });
            }
            // `R6.10`, `H30.4`: a year and month, only for the two recent eras (`S1.2`,
            // `M2.5` are rather model or section numbers) and only where a date may
            // end (`R6.10に`, `(H30.4)`), not before more digits, letters or a unit
            // (`H2.5倍`, `R1.5m`).
            if matches!(era, Era::Reiwa | Era::Heisei)
                && era_month_end(s, m.end)
                && !version_before(s, li)
            {
                return Some(Hit {
                    start: li,
                    end: m.end,
                    date: form.date(Ymd::month(year, month), Precision::Month),
                });
            }
            return None;
        }
        if at(s, n.end, "年") {
            return self.after_year(li, n.end + "年".len(), year, &form);
        }
        // A lone `R6`, `H31`: only the two recent eras, and not inside a token.
        if !matches!(era, Era::Reiwa | Era::Heisei) {
            return None;
        }
        if let Some(c) = char_at(s, n.end) {
            let c = fold_latin(c);
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '/' | '_' | '．' | '／' | '－')
            {
                return None;
            }
        }
        Some(Hit {
            start: li,
            end: n.end,
            date: form.date(Ymd::year(year), Precision::Year),
        })
    }

    /// `July 10, 2024`, `Jan. 31, 2025`, `January 2025`, `Winter 2023/24`: an English
    /// month or season name before the number at `i`.
    fn english_before(&self, i: usize, n: Num) -> Option<Hit> {
        let s = self.text;
        let b = s.as_bytes();
        let mut k = i;
        if k == 0 || b[k - 1] != b' ' {
            return None;
        }
        k -= 1;
        // `Jan. 2025`, `October, 2024`.
        let word_end = if k > 0 && (b[k - 1] == b'.' || b[k - 1] == b',') {
            k - 1
        } else {
            k
        };
        let mut w = word_end;
        while w > 0 && b[w - 1].is_ascii_alphabetic() && word_end - w < 10 {
            w -= 1;
        }
        if w == word_end || (w > 0 && b[w - 1].is_ascii_alphanumeric()) {
            return None;
        }
        let word = &s[w..word_end];
        if let Some(&(_, month)) = EN_MONTHS.iter().find(|(name, _)| *name == word) {
            if n.digits == 4 {
                let year = n.value as i32;
                if !(1000..=2199).contains(&year) || trailing_number(s, n.end) {
                    return None;
                }
                if let Some((first, start)) = english_month_before(s, w) {
                    // `Sept.–Oct. 2024`, `May/June 2023`, `Dec./Jan. 2024`: the months of
                    // one issue or period.
                    let first_year = if first > month { year - 1 } else { year };
                    if first != month {
                        let mut date = Date::absolute(Ymd::month(first_year, first));
                        date.end = Some(Ymd::month(year, month));
                        date.precision = Precision::Range;
                        date.kind = DateKind::Range;
                        return Some(Hit {
                            start,
                            end: n.end,
                            date,
                        });
                    }
                }
                return Some(Hit {
                    start: w,
                    end: n.end,
                    date: Date::absolute(Ymd::month(year, month)),
                });
            }
            if n.digits > 2 {
                return None;
            }
            // Month D, YYYY (`July 10th, 2024` too), and days `October 27–28, 2024`.
            let (mut j, last_day) = english_days(s, n, s[..w].ends_with("between "))?;
            if at(s, j, ",") {
                j += 1;
            }
            if !at(s, j, " ") {
                return None;
            }
            let y = read_num(s, j + 1)?;
            if !y.ascii || y.digits != 4 || !(1000..=2199).contains(&y.value) {
                return None;
            }
            let year = y.value as i32;
            let days = 1..=u64::from(days_in_month(year, month));
            if !days.contains(&n.value)
                || trailing_number(s, y.end)
                || last_day.is_some_and(|d| !days.contains(&d))
            {
                return None;
            }
            return Some(Hit {
                start: w,
                end: y.end,
                date: day_range(year, month, n.value, last_day),
            });
        }
        if let Some(&(_, season)) = EN_SEASONS.iter().find(|(name, _)| *name == word) {
            if n.digits != 4 || !(1000..=2199).contains(&n.value) {
                return None;
            }
            let mut end = n.end;
            if at(s, end, "/") {
                if let Some(y2) = read_num(s, end + 1) {
                    if y2.ascii && (y2.digits == 2 || y2.digits == 4) {
                        end = y2.end;
                    }
                }
            }
            let mut date = Date::absolute(Ymd::year(n.value as i32));
            date.precision = Precision::Season;
            date.season = Some(season);
            return Some(Hit {
                start: w,
                end,
                date,
            });
        }
        None
    }

    /// `10 July 2024`, and days `27–28 October 2024`.
    fn english_day_first(&self, i: usize, n: Num) -> Option<Hit> {
        let s = self.text;
        let (j, last_day) = english_days(s, n, s[..i].ends_with("between "))?;
        if !at(s, j, " ") {
            return None;
        }
        let w = j + 1;
        let &(name, month) = EN_MONTHS.iter().find(|(name, _)| at(s, w, name))?;
        let mut j = w + name.len();
        if at(s, j, ".") {
            j += 1;
        }
        if at(s, j, ",") {
            // `10th July, 2024`.
            j += 1;
        }
        if !at(s, j, " ") {
            return None;
        }
        let y = read_num(s, j + 1)?;
        if !y.ascii
            || y.digits != 4
            || !(1000..=2199).contains(&y.value)
            || trailing_number(s, y.end)
        {
            return None;
        }
        let year = y.value as i32;
        let days = 1..=u64::from(days_in_month(year, month));
        if !days.contains(&n.value) || last_day.is_some_and(|d| !days.contains(&d)) {
            return None;
        }
        Some(Hit {
            start: i,
            end: y.end,
            date: day_range(year, month, n.value, last_day),
        })
    }

    /// A bare year in English: `(2024)`, `, 2024.`, `in 2024,`, a decade (`the 1990s`)
    /// and a range in words (`from 2023 to 2025`, `between 2019 and 2022`).
    fn english_bare_year(&self, i: usize, n: Num) -> Option<Hit> {
        let s = self.text;
        if !n.ascii || !(1800..=2100).contains(&n.value) {
            return None;
        }
        let year = n.value as i32;
        let before = &s[..i];
        let after = char_at(s, n.end);
        if after == Some('s')
            && year % 10 == 0
            && !char_at(s, n.end + 1).is_some_and(|c| c.is_ascii_alphanumeric())
        {
            // `the 1990s`, `mid-2010s`.
            let mut date = Date::absolute(Ymd::year(year));
            date.end = Some(Ymd::year(year + 9));
            date.precision = Precision::Range;
            date.kind = DateKind::Range;
            return Some(Hit {
                start: i,
                end: n.end + 1,
                date,
            });
        }
        let word_before = |words: &[&str]| {
            words.iter().any(|w| {
                before.strip_suffix(w).is_some_and(|b| {
                    b.strip_suffix(|c: char| !c.is_ascii_alphanumeric() && c != '-')
                        .is_some()
                        || b.is_empty()
                })
            })
        };
        if word_before(&["from ", "From ", "between ", "Between "]) {
            let joins: &[&str] = if word_before(&["from ", "From "]) {
                &[" to ", " until ", " through ", "–", "-"]
            } else {
                &[" and "]
            };
            if let Some(len) = at_any(s, n.end, joins) {
                if let Some(y2) = read_num(s, n.end + len) {
                    let end_year = y2.value as i32;
                    if y2.ascii
                        && y2.digits == 4
                        && end_year > year
                        && end_year - year <= 100
                        && english_year_end(s, y2.end)
                    {
                        let mut date = Date::absolute(Ymd::year(year));
                        date.end = Some(Ymd::year(end_year));
                        date.precision = Precision::Range;
                        date.kind = DateKind::Range;
                        return Some(Hit {
                            start: i,
                            end: y2.end,
                            date,
                        });
                    }
                }
            }
        }
        let ok = if word_before(&[
            "in ", "In ", "since ", "Since ", "by ", "By ", "until ", "Until ", "during ",
            "During ", "before ", "Before ", "after ", "After ", "early ", "late ", "mid-",
        ]) {
            english_year_end(s, n.end)
        } else if let Some(len) = [" and ", " or ", ", "]
            .iter()
            .find(|j| before.ends_with(*j))
            .map(|j| j.len())
            .filter(|len| self.last_end == Some(i - len))
        {
            // `in 2024 and 2025`: a year coordinated with the English year just before.
            s[..i - len].ends_with(|c: char| c.is_ascii_digit()) && english_year_end(s, n.end)
        } else if before.ends_with('(') {
            after == Some(')')
        } else if before.ends_with(", ") {
            let c = char_before(s, i - 2);
            c.is_some_and(|c| c.is_ascii_alphabetic() || c == '.' || c == '”' || c == '"')
                && matches!(after, None | Some('.' | ',' | ';' | ')' | '\n' | '\r'))
        } else {
            false
        };
        ok.then(|| Hit {
            start: i,
            end: n.end,
            date: Date::absolute(Ymd::year(n.value as i32)),
        })
    }

    // ----- ranges -----------------------------------------------------------

    /// Extend `hit` to a range when a separator and a second date follow.
    fn extend_range(&self, hit: Hit) -> Hit {
        // A decade may start a range of decades (`1990年代から2000年代`); other ranges,
        // seasons and damaged dates do not start one.
        let decade = hit.date.kind == DateKind::Range
            && hit
                .date
                .end
                .is_some_and(|e| e.year == hit.date.start.year + 9)
            && hit.date.start.month.is_none()
            && self.text[hit.start..hit.end].ends_with("年代");
        if hit.date.end.is_some() && hit.date.precision == Precision::Range && !decade
            || hit.date.precision == Precision::Season
            || hit.date.damaged
        {
            return hit;
        }
        if let Some(len) = at_any(self.text, hit.end, RANGE_SEPS) {
            return self.range_with(&hit, hit.end + len).unwrap_or(hit);
        }
        if let Some(range) = self.spaced_range(&hit, hit.end) {
            // `2023年 ～ 2025年`, `10月　〜　12月`.
            return range;
        }
        if let Some(len) = at_any(self.text, hit.end, &[" to ", " until ", " through ", " – "]) {
            // `January 2023 to March 2024`: English joins English.
            if self.text[hit.start..hit.end].starts_with(|c: char| c.is_ascii_alphabetic()) {
                return self.range_with(&hit, hit.end + len).unwrap_or(hit);
            }
        }
        hit
    }

    /// An English date beginning with a month name at `k` (`March 2024`,
    /// `March 3, 2024`).
    fn english_at(&self, k: usize) -> Option<Hit> {
        let s = self.text;
        let &(name, _) = EN_MONTHS.iter().find(|(name, _)| at(s, k, name))?;
        let mut j = k + name.len();
        if at(s, j, ".") {
            j += 1;
        }
        if !at(s, j, " ") {
            return None;
        }
        let n = read_num(s, j + 1)?;
        if !n.ascii {
            return None;
        }
        self.english_before(j + 1, n).filter(|h| h.start == k)
    }

    /// `d1` followed, at `j`, by a range separator with spaces around it and a second
    /// date written with a Japanese unit (`2023 〜 2027年度`, `2023年 ～ 2025年`,
    /// `令和5　〜　7年度`): the range, read as the unspaced form is. The end must
    /// carry `年`, `月` or `日`, so that English or tabular numbers spaced around a
    /// dash (`2023 - 2025`) are left to the stricter rules for bare years.
    fn spaced_range(&self, d1: &Hit, j: usize) -> Option<Hit> {
        let s = self.text;
        let k = spaced_range_sep(s, j)?;
        let range = self.range_with(d1, k)?;
        s[k..range.end]
            .contains(['年', '月', '日'])
            .then_some(range)
    }

    /// `d1` followed by a second date at `k` (after the separator).
    fn range_with(&self, d1: &Hit, k: usize) -> Option<Hit> {
        let s = self.text;
        // Spaces after the separator (`2023〜 2027年度`): the end must then carry its unit.
        let spaced = matches!(s.as_bytes().get(k), Some(b' ' | 0xE3));
        let k = if spaced { skip_spaces(s, k) } else { k };
        let c = char_at(s, k)?;
        let base = d1.date.start;
        let era_year = d1.date.era.and_then(|era| {
            // `令和5年度〜7年度`: a number of one or two digits after an era year is a
            // year of the same era.
            let n = read_num(s, k)?;
            let e = unit(s, n.end, "年")?;
            (n.digits <= 2 && (1..=99).contains(&n.value))
                .then(|| {
                    self.after_year(k, e, gregorian_year(era, n.value as i32), &Form::era(era))
                })
                .flatten()
        });
        let d2 = if let Some((era, len)) = era_name_at(s, k) {
            // `平成30年〜令和2年`.
            self.era_form(k, era, len)
                .filter(|h| h.date.precision != Precision::Range)?
        } else if let Some(hit) = era_year {
            hit
        } else if is_any_digit(c) || crate::text::read_num(s, k).is_some_and(|n| n.kanji) {
            self.number_led(k, Some(base))?
        } else if c.is_ascii_uppercase() {
            // `January 2023–March 2024`.
            self.english_at(k)?
        } else {
            return None;
        };
        if d2.date.damaged || d2.date.precision == Precision::Season {
            return None;
        }
        let end_value = d2.date.end.unwrap_or(d2.date.start);
        if first_last(end_value).1 < first_last(base).0 {
            return None;
        }
        // A bare year before a fiscal year is a fiscal year too (`2015-16年度`,
        // `令和5〜7年度`): the range starts in April.
        let base = if d2.date.precision == Precision::FiscalYear
            && d1.date.precision == Precision::Year
            && base.month.is_none()
            && !s[d1.start..d1.end].ends_with('年')
        {
            Ymd::month(base.year, 4)
        } else {
            base
        };
        // Both ends as years: a bare pair like `2023-2025` must be close and plausible.
        let kind = DateKind::Range;
        let date = Date {
            start: base,
            end: Some(end_value),
            precision: Precision::Range,
            kind,
            season: None,
            part: None,
            era: d1.date.era,
            relative: d1.date.relative.clone(),
            damaged: false,
            readings: Vec::new(),
        };
        if end_value.year - base.year > 200 || spaced && !s[k..d2.end].contains(['年', '月', '日'])
        {
            return None;
        }
        Some(Hit {
            start: d1.start,
            end: d2.end,
            date,
        })
    }
}

impl Iterator for Scanner<'_> {
    type Item = DateMention;

    fn next(&mut self) -> Option<DateMention> {
        let hit = self.next_hit()?;
        Some(DateMention {
            span: Span::new(hit.start, hit.end),
            text: self.text[hit.start..hit.end].to_string(),
            date: hit.date,
        })
    }
}

/// The end of `u` after `j`, allowing one space before it (`2022 年`).
fn unit(s: &str, j: usize, u: &str) -> Option<usize> {
    if at(s, j, u) {
        return Some(j + u.len());
    }
    let sp = at_any(s, j, &[" ", "\u{3000}"])?;
    at(s, j + sp, u).then(|| j + sp + u.len())
}

/// A bare English year ends at `k`: at the end, before punctuation, or before a
/// word that does not make it a count (`in 2024, the`, `in 2024 and`, not `in 2000
/// locations`).
fn english_year_end(s: &str, k: usize) -> bool {
    match char_at(s, k) {
        None => true,
        Some(c) if c.is_ascii_digit() || c == '%' || c == '.' && trailing_number(s, k) => false,
        Some(' ') => {
            let rest = &s[k + 1..];
            let word_end = rest
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(rest.len());
            let word = &rest[..word_end];
            !word.starts_with(|c: char| c.is_ascii_lowercase())
                || [
                    "and", "to", "the", "when", "as", "after", "before", "with", "was", "were",
                    "is", "are", "under", "for", "in", "at", "on", "that", "it", "this", "but",
                    "or", "by", "until", "through",
                ]
                .contains(&word)
        }
        Some(c) => !c.is_ascii_alphanumeric() && c != '-' && c != '_',
    }
}

/// `2023–2025`, `2023-25` at `i`: a range of two bare years (the separator at `j`,
/// `len` long). The end must come after the start, within 30 years, and not run on
/// into another number (`03-2024-1027`).
fn bare_year_range(s: &str, i: usize, year: i32, j: usize, len: usize) -> Option<Hit> {
    if at(s, j, "から") || char_before(s, i).is_some_and(|c| matches!(c, '-' | '/' | '－')) {
        return None;
    }
    // Pages, not years: `pp. 2019-2021`, `(2020): 1995–2010`, `12(3), 1995–2010`.
    let before = s[..i].trim_end();
    if ["p.", "pp.", "page", "pages", "頁", "):", "),", "）："]
        .iter()
        .any(|w| before.ends_with(w))
    {
        return None;
    }
    let y2 = read_num(s, j + len)?;
    if y2.kanji || !(y2.digits == 2 || y2.digits == 4) {
        return None;
    }
    let end_year = if y2.digits == 4 {
        y2.value as i32
    } else {
        let mut y = year.div_euclid(100) * 100 + y2.value as i32;
        if y <= year {
            y += 100;
        }
        y
    };
    if end_year <= year || end_year - year > 30 {
        return None;
    }
    // `2023-25期`, `2023–2025計画` are ranges; `2023-25号`, `2023-2025番` are not.
    const COUNTERS: &[&str] = &[
        "号",
        "番",
        "頁",
        "円",
        "件",
        "人",
        "個",
        "億",
        "万",
        "ページ",
    ];
    let runs_on = match char_at(s, y2.end) {
        Some(c) if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '%' => true,
        Some('.' | '/' | '．' | '／') => trailing_number(s, y2.end),
        Some(_) => at_any(s, y2.end, COUNTERS).is_some(),
        None => false,
    };
    if runs_on {
        return None;
    }
    let mut date = Date::absolute(Ymd::year(year));
    date.end = Some(Ymd::year(end_year));
    date.precision = Precision::Range;
    date.kind = DateKind::Range;
    Some(Hit {
        start: i,
        end: y2.end,
        date,
    })
}

/// `2022/23年`, `2022/2023年度` at `i`: a year written with the next one, a range of
/// the two (or, before `年度`, the fiscal year of the first).
fn slashed_years(s: &str, i: usize, year: i32, j: usize) -> Option<Hit> {
    let sep = at_any(s, j, &["/", "／"])?;
    let y2 = read_num(s, j + sep)?;
    if y2.kanji || !(y2.digits == 2 || y2.digits == 4) {
        return None;
    }
    let next = if y2.digits == 4 {
        y2.value as i32
    } else {
        year.div_euclid(100) * 100 + y2.value as i32
    };
    if next != year + 1 {
        return None;
    }
    let k = unit(s, y2.end, "年")?;
    let mut date = Date::absolute(Ymd::year(year));
    let end = if at(s, k, "度") {
        date.start = Ymd::month(year, 4);
        date.end = Some(Ymd::month(year + 1, 3));
        date.precision = Precision::FiscalYear;
        date.kind = DateKind::Fiscal;
        k + "度".len()
    } else {
        date.end = Some(Ymd::year(next));
        date.precision = Precision::Range;
        date.kind = DateKind::Range;
        k
    };
    Some(Hit {
        start: i,
        end,
        date,
    })
}

/// The end of a range of numeric dates after `first` at `k`: `-28`, `～11/2`,
/// `–2024.11.02` (written with the same separator `sep` as the first date).
fn numeric_range_end(s: &str, k: usize, first: Ymd, sep: &str) -> Option<Hit> {
    let dash = at_any(s, k, &["-", "–", "〜", "～", "~"])?;
    if &s[k..k + dash] == sep {
        return None;
    }
    let mut parts = Vec::with_capacity(3);
    let mut j = k + dash;
    loop {
        let n = read_num(s, j)?;
        if n.kanji || !n.ascii {
            return None;
        }
        parts.push(n);
        j = n.end;
        if parts.len() == 3
            || !at(s, j, sep)
            || !char_at(s, j + sep.len()).is_some_and(|c| c.is_ascii_digit())
        {
            break;
        }
        j += sep.len();
    }
    if trailing_number(s, j) {
        return None;
    }
    let m0 = first.month.filter(|_| first.day.is_some())?;
    let small = |n: &Num| n.digits <= 2;
    let (y, m, d) = match parts.as_slice() {
        [d] if small(d) => (first.year, m0, d.value),
        [m, d] if small(m) && small(d) => (first.year, m.value as u8, d.value),
        [y, m, d] if y.digits == 4 && small(m) && small(d) => {
            (y.value as i32, m.value as u8, d.value)
        }
        _ => return None,
    };
    if !(1..=12).contains(&m) || !(1..=u64::from(days_in_month(y, m))).contains(&d) {
        return None;
    }
    let last = Ymd::day(y, m, d as u8);
    if last <= first || y - first.year > 1 {
        return None;
    }
    let mut date = Date::absolute(first);
    date.end = Some(last);
    date.precision = Precision::Range;
    date.kind = DateKind::Range;
    Some(Hit {
        start: 0,
        end: j,
        date,
    })
}

/// A dotted year and month (`2023.7`) may end at `k`: at the end of the text or a
/// line, a bracket or punctuation; not before more digits, a unit or a space
/// (`2000.5 tons`).
fn dotted_month_end(s: &str, k: usize) -> bool {
    match char_at(s, k) {
        None => true,
        Some(c) => matches!(
            c,
            ')' | '）'
                | ']'
                | '】'
                | '〕'
                | '」'
                | '』'
                | ','
                | '、'
                | '。'
                | '，'
                | ';'
                | '\n'
                | '\r'
        ),
    }
}

/// The last year of a range of fiscal years whose first, `first`, is written with
/// `FY` (`FY2024-25`, `FY2024–2025`, `FY24-25`, `FY2024-FY2025`), read at `k` just
/// after the separator: the number as written (two digits, or four when the first
/// has four) and where it ends. The caller checks that it comes after the first.
fn fy_range_end(s: &str, k: usize, first: Num) -> Option<(u64, usize)> {
    let k = if at(s, k, "FY") { k + 2 } else { k };
    let m = read_num(s, k)?;
    if !m.ascii || !(m.digits == 2 || m.digits == 4 && first.digits == 4) {
        return None;
    }
    Some((m.value, m.end))
}

/// A full-width Latin letter or digit (`Ｒ`, `６`) as its ASCII form; any other
/// character as it is.
fn fold_latin(c: char) -> char {
    match c {
        'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// An era year and month (`R6.10`) may end at `k`: where a dotted year and month may
/// ([`dotted_month_end`]), before a space, hiragana (`R6.10に`, `R6.10の`), a range
/// separator (`R6.10〜`) or a word that follows dates (`現在`, `時点`, `以降`, `末`,
/// `頃`, `付`); not before digits, letters, katakana or a unit (`H2.5倍`).
fn era_month_end(s: &str, k: usize) -> bool {
    if dotted_month_end(s, k) {
        return true;
    }
    let Some(c) = char_at(s, k) else {
        return true;
    };
    if matches!(c, ' ' | '　' | '\t') || ('ぁ'..='ゖ').contains(&c) {
        return true;
    }
    at_any(s, k, RANGE_SEPS).is_some()
        || at_any(
            s,
            k,
            &[
                "現在", "時点", "以降", "以前", "末", "頃", "ごろ", "付", "上旬", "中旬", "下旬",
            ],
        )
        .is_some()
}

/// A version word (`ver.`, `Version`, `v`) stands just before `i`.
fn version_before(s: &str, i: usize) -> bool {
    let before = s[..i].trim_end_matches(' ').trim_end_matches('.');
    let word_start = before
        .rfind(|c: char| !c.is_ascii_alphabetic())
        .map_or(0, |k| {
            k + before[k..].chars().next().map_or(1, char::len_utf8)
        });
    let word = before[word_start..].to_ascii_lowercase();
    matches!(
        word.as_str(),
        "v" | "ver" | "version" | "rev" | "no" | "vol"
    )
}

/// `Sept.–`, `May/` ending at `w` (the start of a second month name): the first
/// month and where its name begins.
fn english_month_before(s: &str, w: usize) -> Option<(u8, usize)> {
    let before = &s[..w];
    let before = ["–", "-", "/", "—"]
        .iter()
        .find_map(|sep| before.strip_suffix(sep))?;
    let before = before.strip_suffix('.').unwrap_or(before);
    let start = before
        .rfind(|c: char| !c.is_ascii_alphabetic())
        .map_or(0, |k| {
            k + before[k..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[start..];
    EN_MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, m)| (m, start))
}

/// Day `first` of a month, or the days `first` to `last` of it.
fn day_range(year: i32, month: u8, first: u64, last: Option<u64>) -> Date {
    let mut date = Date::absolute(Ymd::day(year, month, first as u8));
    if let Some(last) = last {
        date.end = Some(Ymd::day(year, month, last as u8));
        date.precision = Precision::Range;
        date.kind = DateKind::Range;
    }
    date
}

/// A range separator after one or more spaces (ASCII or full width) at `j`, on the same
/// line, and the spaces after it (`2023 〜 2027`, `2023年　～　2025年`, `2023年 から
/// 2025年`): where the second date starts. The callers read a separator right at `j`
/// themselves.
fn spaced_range_sep(s: &str, j: usize) -> Option<usize> {
    // Most dates are followed by no space: one byte tells.
    if !matches!(s.as_bytes().get(j), Some(b' ' | 0xE3)) {
        return None;
    }
    let a = skip_spaces(s, j);
    if a == j {
        return None;
    }
    let len = at_any(s, a, RANGE_SEPS)?;
    Some(skip_spaces(s, a + len))
}

/// `k` past any ASCII and full-width spaces (not line breaks).
fn skip_spaces(s: &str, mut k: usize) -> usize {
    while let Some(len) = at_any(s, k, &[" ", "\u{3000}"]) {
        k += len;
    }
    k
}

/// `k`, or past one space when a digit follows it.
fn skip_space(s: &str, k: usize) -> usize {
    match at_any(s, k, &[" ", "\u{3000}"]) {
        Some(sp) if char_at(s, k + sp).is_some_and(is_any_digit) => k + sp,
        _ => k,
    }
}

/// A full-width digit or a kanji numeral starts at `i`.
fn is_numeral_start(b: &[u8], i: usize) -> bool {
    const NUMERALS: [&str; 12] = [
        "〇", "○", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    ];
    match b.get(i..i + 3) {
        Some([0xEF, 0xBC, c]) => (0x90..=0x99).contains(c),
        Some(w) => NUMERALS.iter().any(|n| n.as_bytes() == w),
        None => false,
    }
}

/// The clause after `k` (up to `。`, at most about 60 characters) speaks of the future.
fn future_context(s: &str, k: usize) -> bool {
    const MARKERS: &[&str] = &[
        "予定",
        "見込",
        "見通",
        "方針",
        "目指",
        "控え",
        "迎える",
        "向け",
        "される",
        "する。",
        "するこ",
        "だろう",
        "する見",
        "次回",
    ];
    let rest = s.get(k..).unwrap_or("");
    let mut end = rest.len().min(180);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let window = &rest[..end];
    let window = window.split(['。', '\n']).next().unwrap_or(window);
    MARKERS.iter().any(|m| window.contains(m))
}

/// A date ahead of the reference, at `k`, is told as past: its clause is in the past
/// tense and not about the future, or — when it is `near` the reference — neither,
/// since a near date with no tense is more likely coming (`11月5日の大統領選` in an
/// October article) and a far one more likely past.
fn told_as_past(s: &str, k: usize, near: bool) -> bool {
    !future_context(s, k) && (past_context(s, k) || !near)
}

/// The sentence after `k` (up to `。`, at most about 150 characters) is in the past
/// tense: a verb ending `た` (`開かれた`, `署名した`, `だった`, `述べたが`, `開かれた会議`), not the
/// `た` of `また`, `ため`, `ただ`.
fn past_context(s: &str, k: usize) -> bool {
    const STEMS: &[char] = &[
        'っ', 'し', 'れ', 'い', 'き', 'ち', 'え', 'け', 'せ', 'て', 'べ', 'め', 'ね', 'み', 'り',
        'ぎ', 'び', 'じ', 'げ', 'ぜ', 'で',
    ];
    const AFTER: &[char] = &[
        '。', '、', 'が', 'と', 'の', 'こ', 'も', 'り', '」', ')', '）', 'ば', 'か', 'ら',
    ];
    let rest = s.get(k..).unwrap_or("");
    let mut end = rest.len().min(450);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let window = &rest[..end];
    let clause = window.split(['。', '\n']).next().unwrap_or(window);
    let closed = clause.len() < window.len() || window.len() == rest.len();
    let chars: Vec<char> = clause.chars().collect();
    chars.iter().enumerate().any(|(n, &c)| {
        c == 'た'
            && n > 0
            && STEMS.contains(&chars[n - 1])
            && chars
                .get(n + 1)
                .map_or(closed, |&a| AFTER.contains(&a) || is_word_cjk(a))
    })
}

/// `start` lies inside a URL: the run of ASCII non-space characters before it
/// holds `://` or begins with `www.`.
fn in_url(s: &str, start: usize) -> bool {
    let b = s.as_bytes();
    let mut k = start;
    while k > 0 && start - k < 400 {
        let c = b[k - 1];
        if !c.is_ascii_graphic() || matches!(c, b'<' | b'"' | b'(' | b')' | b'[' | b']') {
            break;
        }
        k -= 1;
    }
    let token = &s[k..start];
    token.contains("://") || token.starts_with("www.")
}

/// `(2024)年` at `k`: the year and the end of `年`.
fn gregorian_in_brackets(s: &str, k: usize) -> Option<(i32, usize)> {
    let open = at_any(s, k, &["(", "（"])?;
    let y = read_num(s, k + open)?;
    if y.kanji || y.digits != 4 || !(1000..=2199).contains(&y.value) {
        return None;
    }
    let close = at_any(s, y.end, &[")", "）"])?;
    let e = unit(s, y.end + close, "年")?;
    Some((y.value as i32, e))
}

/// `（2024年）`, `(令和6年)`, `（令和6）` at `k` naming the Gregorian `year`: the end of
/// the closing bracket.
fn same_year_in_brackets(s: &str, k: usize, year: i32) -> Option<usize> {
    let open = at_any(s, k, &["(", "（"])?;
    let j = k + open;
    let (inner, end) = if let Some((era, len)) = era_name_at(s, j) {
        let e = j + len;
        if at(s, e, "元") {
            (gregorian_year(era, 1), e + "元".len())
        } else {
            let n = read_num(s, e).filter(|n| (1..=99).contains(&n.value))?;
            (gregorian_year(era, n.value as i32), n.end)
        }
    } else {
        let n = read_num(s, j)?;
        if n.kanji || n.digits != 4 {
            return None;
        }
        (i32::try_from(n.value).ok()?, n.end)
    };
    if inner != year {
        return None;
    }
    let end = if at(s, end, "年") {
        end + "年".len()
    } else {
        end
    };
    let close = at_any(s, end, &[")", "）"])?;
    Some(end + close)
}

/// `(令和6)年` at `k`: the end of `年`.
fn era_in_brackets(s: &str, k: usize) -> Option<usize> {
    let open = at_any(s, k, &["(", "（"])?;
    let (_, len) = era_name_at(s, k + open)?;
    let j = k + open + len;
    let n_end = if at(s, j, "元") {
        j + "元".len()
    } else {
        read_num(s, j)?.end
    };
    let close = at_any(s, n_end, &[")", "）"])?;
    unit(s, n_end + close, "年")
}

/// A date written with a two-digit year (`24年8月`, `23年度`).
fn is_two_digit_year(date: &Date) -> bool {
    date.relative.as_ref().is_some_and(|r| {
        let mut chars = r.expression.chars();
        matches!(
            (chars.next(), chars.next(), chars.next(), chars.next()),
            (Some(a), Some(b), Some('年'), None) if is_any_digit(a) && is_any_digit(b)
        )
    })
}

/// The value a later 同年/翌年/bare month refers to.
fn anchor_of(date: &Date) -> Ymd {
    match date.precision {
        Precision::FiscalYear => Ymd::year(date.start.year),
        Precision::Range => date.end.unwrap_or(date.start),
        _ => date.start,
    }
}

fn add_months(year: i32, month: u8, delta: i32) -> (i32, u8) {
    let total = year * 12 + i32::from(month) - 1 + delta;
    (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8)
}

fn ymd_of(d: chrono::NaiveDate) -> Option<Ymd> {
    use chrono::Datelike;
    Some(Ymd::day(
        d.year(),
        u8::try_from(d.month()).ok()?,
        u8::try_from(d.day()).ok()?,
    ))
}

fn days_between(a: Ymd, b: Ymd) -> i64 {
    let day = |v: Ymd| {
        let (first, _) = first_last(v);
        chrono::NaiveDate::from_ymd_opt(
            first.year,
            u32::from(first.month.unwrap_or(1)),
            u32::from(first.day.unwrap_or(1)),
        )
    };
    match (day(a), day(b)) {
        (Some(x), Some(y)) => (x - y).num_days().abs(),
        _ => i64::MAX / 4,
    }
}

/// Split `2023128` into the year `2023` and the rest `128`.
fn split_year(digits: &str) -> Option<(i32, &str)> {
    if digits.len() < 5 || !digits.is_ascii() {
        return None;
    }
    let (y, rest) = digits.split_at(4);
    Some((y.parse().ok()?, rest))
}

/// A number continues after `k` (`2024.1.2.3`, `2024/10/27/5`).
fn trailing_number(s: &str, k: usize) -> bool {
    match char_at(s, k) {
        Some(c) if is_any_digit(c) => true,
        Some('.' | '/' | '-' | '．' | '／') => {
            char_at(s, k + 1).is_some_and(is_any_digit)
                || char_at(s, k + 3).is_some_and(is_any_digit) && !s.is_char_boundary(k + 1)
        }
        _ => false,
    }
}

fn is_punct(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | ','
            | '.'
            | '「'
            | '」'
            | '『'
            | '』'
            | '('
            | ')'
            | '（'
            | '）'
            | '['
            | ']'
            | '【'
            | '】'
            | '・'
            | ':'
            | '：'
            | ';'
            | '〜'
            | '～'
            | '~'
            | '/'
            | '／'
            | '-'
            | '－'
            | '―'
            | '—'
            | '–'
            | '“'
            | '”'
            | '"'
            | '\''
            | '•'
            | '　'
    )
}

/// The number at `i` ends a range of plain numbers (`20〜30年`, `3〜5日`): a count.
fn ends_count_range(s: &str, i: usize) -> bool {
    // Spaces may stand around the separator (`3 ～ 5日`).
    let before = s[..i].trim_end_matches([' ', '\u{3000}']);
    ["〜", "～", "~", "-", "－", "–"]
        .iter()
        .find_map(|sep| before.strip_suffix(sep))
        .map(|b| b.trim_end_matches([' ', '\u{3000}']))
        .and_then(|b| b.chars().next_back())
        .is_some_and(|c| is_any_digit(c) || "一二三四五六七八九十".contains(c))
}

/// A bare two-digit year (`19年には`, `2018年と20年`) only after punctuation, a
/// space, a particle, or the start — not inside a word (`創立75年`) and not after
/// `この`/`その`/`ここ`.
fn two_digit_prefix_ok(s: &str, i: usize) -> bool {
    let Some(b) = char_before(s, i) else {
        return true;
    };
    if is_word_cjk(b) || b.is_ascii_alphanumeric() {
        return false;
    }
    let before = &s[..i];
    if ["この", "その", "ここ", "あの", "約", "計", "の"]
        .iter()
        .any(|p| before.ends_with(p))
    {
        return false;
    }
    b.is_whitespace() || is_hiragana(b) || is_punct(b)
}

/// `第1四半期` at `k` (`第一四半期`, `第１四半期`): the quarter and where it ends.
fn quarter_at(s: &str, k: usize) -> Option<(i32, usize)> {
    let q_at = unit(s, k, "第")?;
    let c = char_at(s, q_at)?;
    let q = match c {
        '1' | '１' | '一' => 1,
        '2' | '２' | '二' => 2,
        '3' | '３' | '三' => 3,
        '4' | '４' | '四' => 4,
        _ => return None,
    };
    Some((q, unit(s, q_at + c.len_utf8(), "四半期")?))
}

fn season_at(s: &str, k: usize) -> Option<(Season, usize)> {
    let c = char_at(s, k)?;
    let season = match c {
        '春' => Season::Spring,
        '夏' => Season::Summer,
        '秋' => Season::Autumn,
        '冬' => Season::Winter,
        _ => return None,
    };
    Some((season, c.len_utf8()))
}

fn year_part(s: &str, k: usize) -> Option<(DatePart, usize)> {
    const PARTS: &[(&str, DatePart)] = &[
        ("末", DatePart::YearEnd),
        ("初頭", DatePart::YearStart),
        ("初め", DatePart::YearStart),
        ("初", DatePart::YearStart),
        ("頭", DatePart::YearStart),
        ("前半", DatePart::FirstHalf),
        ("上半期", DatePart::FirstHalf),
        ("上期", DatePart::FirstHalf),
        ("後半", DatePart::SecondHalf),
        ("下半期", DatePart::SecondHalf),
        ("下期", DatePart::SecondHalf),
    ];
    part_at(s, k, PARTS)
}

fn month_part(s: &str, k: usize) -> Option<(DatePart, usize)> {
    const PARTS: &[(&str, DatePart)] = &[
        ("上旬", DatePart::EarlyMonth),
        ("初旬", DatePart::EarlyMonth),
        ("初め", DatePart::EarlyMonth),
        ("中旬", DatePart::MidMonth),
        ("下旬", DatePart::LateMonth),
        ("末日", DatePart::LateMonth),
        ("末", DatePart::LateMonth),
    ];
    part_at(s, k, PARTS)
}

/// The first word of `parts` at `k`: its part and its length.
fn part_at(s: &str, k: usize, parts: &[(&str, DatePart)]) -> Option<(DatePart, usize)> {
    parts
        .iter()
        .find(|(p, _)| at(s, k, p))
        .map(|(p, part)| (*part, p.len()))
}

/// After an English day number `n`: an ordinal ending (`10th`) and a second day after a
/// dash or `to` (`27–28`, `10 to 14`), or after `and` when `between` came before the
/// first (`between 10 and 14`; a bare `10 and 14 June` names two days). Gives where they
/// end and the second day; `None` when the second day is no day after the first.
fn english_days(s: &str, n: Num, between: bool) -> Option<(usize, Option<u64>)> {
    let ordinal = |j: usize| j + at_any(s, j, &["st", "nd", "rd", "th"]).unwrap_or(0);
    let j = ordinal(n.end);
    let and = if between { " and " } else { "-" };
    let Some(len) = at_any(s, j, &["-", "–", "—", " to ", and]) else {
        return Some((j, None));
    };
    let d2 = read_num(s, j + len)?;
    if !d2.ascii || d2.digits > 2 || d2.value <= n.value {
        return None;
    }
    Some((ordinal(d2.end), Some(d2.value)))
}
