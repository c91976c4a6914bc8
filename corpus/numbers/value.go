// Package numbers reads numbers, percentages, ordinals, dates, years,
// weekdays and clock times out of Chinese and English sentences, so that a
// check can tell whether every number of a Chinese source sentence survived
// in its English translation.
//
// Chinese reads Arabic numerals (ASCII or full-width, 1,200.5), Chinese
// numerals (三千五百, 两, 〇, 零, 廿, 卅), and their mixtures with 万/萬 and
// 亿/億 scaling (12万 = 120,000; 1.2万亿 = 1.2×10¹²; 681億 = 6.81×10¹⁰);
// percentages (5%, 百分之五, 3个百分点); ordinals (第二届); dates
// (2025年6月17日, 6月17日, 17日, 二〇二五年); weekdays (星期二, 周二); times
// (上午10时30分); ranges (3至5%, where the % belongs to both ends).
//
// English reads Arabic numerals with scale words (1.2 trillion, HK$68.1
// billion, 5bn), number words (twenty-five, a hundred), percentages
// (6.5%, 6.5 percent, 6.5 per cent), ordinals (2nd, second, twenty-first),
// dates (June 17, 2025; 17 June 2025; 2025-06-17; June 2025), years,
// weekdays and times (10 a.m., 3:30 p.m.); ranges (3-5 percent, between 3
// and 5 percent).
//
// A range gives two values, and a unit written once belongs to both ends:
// 3至5% and 3-5 percent are 3% and 5%; 1至5月 is January and May;
// 6月17日至19日 and June 17-19 are two dates. There is no separate range
// kind, so a check can match each end on its own.
//
// False alarms in the check come from Chinese text read as numbers when its
// translation has none, so the Chinese reader is conservative:
//   - a figure in Chinese numerals must be followed by what it counts: a
//     measure word or unit (三个, 五项, 两名, 十九大, 二十国), a date or clock
//     part, %, or 多/余/来 (30多万); so names (茅十八) and idioms are not read;
//   - a lone 一 is never a number (一带一路, 统一, 一些, 一个 = "a") except in
//     一月 and inside dates; 两 is not read before 国 or 大 (两国 is usually
//     "bilateral" or "both"); 零 alone is not read (零点 is midnight);
//   - indefinite figures are skipped (几十, 数百, 上万, 成千, 千万 "by all
//     means", 万一 "in case"), as are runs of digits without a unit (七八,
//     五四) except a year (二〇二五年); 十七八岁 reads as about 17;
//   - financial numerals (壹, 伍, 陆 …) count only inside a run, since most
//     are also common characters (队伍, 大陆);
//   - a list number opening the text (1. 三、 （5）) is skipped;
//   - set phrases: 十分 (very), 第一时间 (at once), 三轮车, 十万八千里 ….
//
// The English reader is generous for the same reason: number words
// (twenty-five, a hundred, twice, both, decade, dozen), ordinals (2nd,
// second, and top/largest for rank 1), Roman numerals of two or more letters
// (Article IV), digits inside tokens (G20, Ka-52M), month names in any case
// (except may and march, which need a day, a year or a preposition).
//
// Value.Key is a canonical form: equal keys mean the same quantity.
// Match(zh, en) is looser, the way a translation may differ: a date without a
// year matches the same date with one, a date with a year matches its
// weekday, an ordinal matches the cardinal, "more than 30" matches 30多, a
// rounded English figure matches the exact Chinese one.
package numbers

import (
	"math"
	"strconv"
	"time"
)

// Kind says what a Value measures.
type Kind int

// Kinds of Value.
const (
	Number  Kind = iota + 1 // a cardinal quantity: Num
	Percent                 // a percentage or percentage points: Num (6.5 for 6.5%)
	Ordinal                 // Num-th: 第二 = second = 2nd
	Date                    // Year (0 = not stated), Month (0 = not stated), Day (0 = not stated)
	Year                    // a year on its own: Year (and Num)
	Weekday                 // a day of the week: Weekday
	Time                    // a clock time: Hour and Minute (Hour 0–23 when known, Clock12 when only a 12-hour reading is known)
)

var kindNames = [...]string{"?", "number", "percent", "ordinal", "date", "year", "weekday", "time"}

func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "kind(" + strconv.Itoa(int(k)) + ")"
	}
	return kindNames[k]
}

// Value is one number or date found in a text. Start and End are the byte
// span of Text in the string it was read from.
type Value struct {
	Kind    Kind
	Num     float64 // the quantity for Number, Percent, Ordinal, Year
	Year    int     // Date, Year
	Month   int     // Date: 1–12
	Day     int     // Date: 1–31
	Weekday time.Weekday
	Hour    int // Time
	Minute  int // Time
	// Approx marks a figure given as approximate: 30多 (30-odd), 近百 (nearly 100),
	// about 30, more than 30.
	Approx bool
	// Clock12 marks a Time read without AM/PM (10时, 10:30): Hour is 0–11.
	Clock12 bool
	// Unit is the unit or currency when one was read: "yuan", "HKD", "USD", "%", …
	Unit       string
	Start, End int
	Text       string
	// half is half a unit in the last stated digit (0.05 for 68.1 billion
	// scaled: 0.05e9), for matching rounded figures.
	half float64
}

// Key returns the canonical comparison form of v: equal keys mean the same
// quantity or date, whatever the language or notation (12万 and 120,000 both
// give "number:120000"; 6月17日 and June 17 give "date:-06-17").
func (v Value) Key() string {
	switch v.Kind {
	case Date:
		return "date:" + dateKey(v.Year, v.Month, v.Day)
	case Year:
		return "year:" + strconv.Itoa(v.Year)
	case Weekday:
		return "weekday:" + v.Weekday.String()
	case Time:
		if v.Clock12 {
			return "time:" + two(v.Hour%12) + ":" + two(v.Minute) + "/12"
		}
		return "time:" + two(v.Hour) + ":" + two(v.Minute)
	}
	return v.Kind.String() + ":" + formatNum(v.Num)
}

func dateKey(y, m, d int) string {
	s := ""
	if y != 0 {
		s = strconv.Itoa(y)
	}
	s += "-"
	if m != 0 {
		s += two(m)
	}
	if d != 0 {
		s += "-" + two(d)
	}
	return s
}

func two(n int) string {
	if n < 10 && n >= 0 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// formatNum writes f with at most 12 significant digits, so that 1.2×10¹²
// computed as 1.2×10⁴×10⁸ and as 1.2×10¹² print the same.
func formatNum(f float64) string {
	if f == 0 {
		return "0"
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 12, 64), 64)
	if err != nil {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// sameNum reports whether a and b are the same number up to float rounding.
func sameNum(a, b float64) bool {
	if a == b {
		return true
	}
	d := math.Abs(a - b)
	return d <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// WeekdayOf returns the day of the week of a Date with a known year, month and day.
func WeekdayOf(v Value) (time.Weekday, bool) {
	if v.Kind != Date || v.Year == 0 || v.Month == 0 || v.Day == 0 {
		return 0, false
	}
	t := time.Date(v.Year, time.Month(v.Month), v.Day, 12, 0, 0, 0, time.UTC)
	if t.Day() != v.Day { // 2月30日 and other impossible dates
		return 0, false
	}
	return t.Weekday(), true
}

// WithYear returns vs with year filled in for every Date that has a month
// but no year: the document's year, for dates such as 6月17日 in an article
// dated 2025. vs itself is not changed.
func WithYear(vs []Value, year int) []Value {
	out := make([]Value, len(vs))
	copy(out, vs)
	for i := range out {
		if out[i].Kind == Date && out[i].Year == 0 && out[i].Month != 0 {
			out[i].Year = year
		}
	}
	return out
}

// MatchIn is Match with the document's date as context: ref is the date of
// the story (its dateline, 2025年6月17日). Beyond Match, a Chinese date
// missing its year, or its month and year (17日, common in Chinese news),
// matches an English weekday when, completed from ref, it falls on that
// weekday ("on Tuesday"). A day alone takes ref's month, or the month before
// when it is more than a week after ref's day (a story dated 6月2日 that
// mentions 30日 means May 30). The context only adds matches: a wrong or
// empty ref never makes MatchIn false where Match is true.
func MatchIn(zh, en, ref Value) bool {
	if Match(zh, en) {
		return true
	}
	if zh.Kind != Date || en.Kind != Weekday {
		return false
	}
	wd, ok := WeekdayOf(complete(zh, ref))
	return ok && wd == en.Weekday
}

// complete fills a date's missing year (and month, for a day alone) from ref.
func complete(v, ref Value) Value {
	if ref.Kind != Date || ref.Year == 0 || ref.Month == 0 || ref.Day == 0 || v.Year != 0 {
		return v
	}
	switch {
	case v.Month != 0:
		v.Year = ref.Year
	case v.Day != 0:
		t := time.Date(ref.Year, time.Month(ref.Month), 1, 12, 0, 0, 0, time.UTC)
		if v.Day > ref.Day+7 {
			t = t.AddDate(0, -1, 0)
		}
		v.Year, v.Month = t.Year(), int(t.Month())
	}
	return v
}

// Match reports whether en, read from an English translation, renders zh,
// read from the Chinese source. It is looser than Key equality:
//   - numbers: equal, or en is zh rounded to en's stated digits (12.35亿 ↔
//     1.24 billion), or zh is approximate (30多) and en is within 20% below
//     to 100% above it, or en is approximate ("nearly 100", "more than 30")
//     within the same bounds and within one unit of its last significant
//     digit of zh (about 13.5 percent is not 15.3%); an Ordinal, Year or Number with the same value match
//     each other (第19 ↔ 19th, 2016年 ↔ 2016);
//   - a Percent matches a Percent only;
//   - dates: every part stated on both sides is equal, and zh states no part
//     en leaves out except the year (6月17日 ↔ June 17, 2025; 2025年6月17日 ↔
//     June 17); a Date with day and year matches en's Weekday of that date;
//     a Year matches a Date of that year; a day alone (17日) matches the
//     ordinal or number (the 17th);
//   - times: equal hour (modulo 12 when either side lacks AM/PM) and minute.
func Match(zh, en Value) bool {
	switch zh.Kind {
	case Date:
		switch en.Kind {
		case Date:
			return matchDate(zh, en)
		case Ordinal:
			// 17日 ↔ "on the 17th"
			return zh.Day != 0 && sameNum(float64(zh.Day), en.Num)
		case Number:
			return zh.Year == 0 && zh.Month == 0 && sameNum(float64(zh.Day), en.Num)
		case Weekday:
			wd, ok := WeekdayOf(zh)
			return ok && wd == en.Weekday
		}
		return false
	case Weekday:
		if en.Kind == Weekday {
			return zh.Weekday == en.Weekday
		}
		if wd, ok := WeekdayOf(en); ok {
			return wd == zh.Weekday
		}
		return false
	case Year:
		switch en.Kind {
		case Year, Number, Ordinal:
			return sameNum(float64(zh.Year), en.Num)
		case Date:
			return en.Year == zh.Year
		}
		return false
	case Time:
		if en.Kind != Time || zh.Minute != en.Minute {
			return false
		}
		if zh.Clock12 || en.Clock12 {
			return zh.Hour%12 == en.Hour%12
		}
		return zh.Hour == en.Hour
	case Percent:
		return en.Kind == Percent && matchNum(zh, en)
	case Number, Ordinal:
		switch en.Kind {
		case Number, Ordinal, Year:
			return matchNum(zh, en)
		}
	}
	return false
}

func matchDate(zh, en Value) bool {
	if zh.Year != 0 && en.Year != 0 && zh.Year != en.Year {
		return false
	}
	if zh.Month != en.Month && zh.Month != 0 {
		return false
	}
	if zh.Day != en.Day && zh.Day != 0 {
		return false
	}
	if zh.Month == 0 && zh.Day == 0 {
		return zh.Year == en.Year
	}
	return true
}

func matchNum(zh, en Value) bool {
	a, b := zh.Num, en.Num
	if sameNum(a, b) {
		return true
	}
	if en.half > 0 && math.Abs(a-b) <= en.half*(1+1e-9) {
		return true
	}
	if !zh.Approx && !en.Approx {
		return false
	}
	if !(b >= 0.8*a && b <= 2*a || a >= 0.8*b && a <= 2*b) {
		return false
	}
	// An exact source figure rendered approximately must round to the
	// English figure at its last significant digit: "nearly 100" for 97 and
	// "more than 30" for 38, but not "about 13.5 percent" for 15.3%.
	return zh.Approx || math.Abs(a-b) <= significantUnit(en)*(1+1e-9)
}

// significantUnit is the place value of v's last non-zero stated digit: 0.1
// for 13.5, 100 for 100, 1e8 for 8.6 billion, 1 for 2,345.
func significantUnit(v Value) float64 {
	u := 2 * v.half
	if u <= 0 {
		u = 1e-6
	}
	for u < math.Abs(v.Num) { // also ends on 0, NaN and Inf
		q := v.Num / (10 * u)
		if math.Abs(q-math.Round(q)) > 1e-6*math.Max(1, math.Abs(q)) {
			break
		}
		u *= 10
	}
	return u
}
