package numbers

import (
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// English returns the numbers, dates, years, weekdays and times of an
// English sentence in text order (see the package comment for what counts).
func English(s string) []Value {
	e := enReader{s: s, toks: enTokenize(s)}
	for e.k < len(e.toks) {
		if !e.read() {
			e.k++
		}
	}
	return finishRanges(s, e.out, enConnector)
}

// enTok is a run of letters, a run of digits (with , and . inside) or one
// other character. glued says no space separates it from the previous token.
type enTok struct {
	text       string
	start, end int
	kind       byte // 'a' letters, '0' digits, '.' other
	glued      bool
}

func enTokenize(s string) []enTok {
	var toks []enTok
	prevEnd := -1
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		start := i
		var kind byte
		switch {
		case unicode.IsSpace(r):
			i += n
			continue
		case isLatinLetter(r):
			kind = 'a'
			for i < len(s) {
				r, n = utf8.DecodeRuneInString(s[i:])
				if !isLatinLetter(r) {
					break
				}
				i += n
			}
		case isDigitRune(r):
			kind = '0'
			nu, _ := readArabicAt(s, i)
			i = nu.end
		default:
			kind = '.'
			i += n
		}
		toks = append(toks, enTok{text: s[start:i], start: start, end: i, kind: kind, glued: start == prevEnd})
		prevEnd = i
	}
	return toks
}

func isLatinLetter(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r >= 0xC0 && r < 0x250 && unicode.IsLetter(r)
}

type enReader struct {
	s    string
	toks []enTok
	k    int
	out  []reading
}

// tok returns token k (an empty token past the end).
func (e *enReader) tok(k int) enTok {
	if k < 0 || k >= len(e.toks) {
		return enTok{start: len(e.s), end: len(e.s)}
	}
	return e.toks[k]
}

func (e *enReader) lower(k int) string { return strings.ToLower(e.tok(k).text) }

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var enUnits = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

var enOrdinals = map[string]float64{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
	"sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
	"thousandth": 1000,
}

var enScales = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"mln": 1e6, "mn": 1e6, "m": 1e6, "bln": 1e9, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12, "k": 1e3,
}

// enCounts are words that state a count without a numeral.
var enCounts = map[string]float64{
	"once": 1, "twice": 2, "thrice": 3, "both": 2, "double": 2, "doubled": 2, "triple": 3,
	"tripled": 3, "half": 0.5, "pair": 2, "couple": 2, "decade": 10,
	"century": 100, "no": 0, "none": 0, "nil": 0,
	// "first" in the sense of rank: 第一产粮大省 = the largest grain producer.
	"top": 1, "largest": 1, "biggest": 1, "leading": 1,
}

// approxWords before a figure make it approximate ("more than" and "at
// least" through their last word).
var approxWords = map[string]bool{
	"about": true, "around": true, "nearly": true, "almost": true, "over": true, "some": true,
	"roughly": true, "approximately": true, "than": true, "least": true, "under": true,
}

// approxPhrases are two-word approximations, keyed by their last word: "up
// to 5", "close to 5", "upwards of 5". "up" alone states a change ("up 13.5
// percent"), not an approximation.
var approxPhrases = map[string][]string{
	"to": {"up", "close"},
	"of": {"upward", "upwards"},
}

func (e *enReader) read() bool {
	t := e.tok(e.k)
	switch t.kind {
	case '0':
		return e.number()
	case 'a':
		w := strings.ToLower(t.text)
		if m, ok := months[w]; ok && e.isMonth(w, t) {
			return e.date(m)
		}
		if wd, ok := weekdays[w]; ok {
			e.emit(reading{Value: Value{Kind: Weekday, Weekday: wd}, scale: 1}, e.k, e.k)
			e.k++
			return true
		}
		if _, ok := enUnits[w]; ok {
			return e.words()
		}
		if n, ok := roman(t.text); ok {
			e.emit(reading{Value: Value{Kind: Number, Num: float64(n)}, scale: 1}, e.k, e.k)
			e.k++
			return true
		}
		if _, ok := enOrdinals[w]; ok {
			return e.words()
		}
		if w != "dozen" && e.isScaleWord(e.k) {
			return e.words() // hundred, million …
		}
		if (w == "a" || w == "an") && e.isScaleWord(e.k+1) {
			return e.words()
		}
		if w == "noon" || w == "midnight" {
			h := 12
			if w == "midnight" {
				h = 0
			}
			e.emit(reading{Value: Value{Kind: Time, Hour: h}, scale: 1}, e.k, e.k)
			e.k++
			return true
		}
		if n, ok := enCounts[w]; ok {
			rd := reading{Value: Value{Kind: Number, Num: n}, scale: 1}
			e.emit(rd, e.k, e.k)
			e.k++
			return true
		}
	}
	return false
}

func (e *enReader) isScaleWord(k int) bool {
	switch e.lower(k) {
	case "hundred", "thousand", "million", "billion", "trillion", "dozen":
		return true
	}
	return false
}

// isMonth tells a month name from the same word used otherwise (may, march,
// the abbreviations): it must be capitalised, and May, March and the short
// forms need a day or a year next to them or a preposition before them.
func (e *enReader) isMonth(w string, t enTok) bool {
	// Full names other than May and March are months in any case
	// (november happens); an all-capital heading (MARCH) is a month too.
	if len(w) > 5 && w != "march" || w == "june" || w == "july" || w == "april" {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(t.text); !unicode.IsUpper(r) {
		return false
	}
	if len(t.text) >= 3 && strings.ToUpper(t.text) == t.text {
		return true
	}
	next := e.tok(e.k + 1)
	if next.text == "." {
		next = e.tok(e.k + 2)
	}
	if next.kind == '0' {
		return true
	}
	if prev := e.tok(e.k - 1); prev.kind == '0' {
		return true
	}
	switch e.lower(e.k + 1) {
	case "this", "last", "next", "and", "to", "-", "–", "through":
		return true
	}
	switch e.lower(e.k - 1) {
	case "-", "–", "—", "to", "and", "or":
		_, ok := months[e.lower(e.k-2)]
		return ok
	case "between", "in", "since", "until", "till", "by", "of", "from", "early", "mid", "late", "last", "next", "this", "during", "through", "before", "after", "end":
		return true
	}
	return false
}

// emit records a reading over tokens first..last.
func (e *enReader) emit(rd reading, first, last int) {
	a, b := e.tok(first), e.tok(last)
	rd.Start, rd.End, rd.Text = a.start, b.end, e.s[a.start:b.end]
	e.out = append(e.out, rd)
}

// dayAt reads a day of the month at token k (17, 17th); it returns the
// day and the last token used.
func (e *enReader) dayAt(k int) (int, int, bool) {
	t := e.tok(k)
	if t.kind != '0' || strings.ContainsAny(t.text, ",.") {
		return 0, 0, false
	}
	d := atoi(t.text)
	if d < 1 || d > 31 {
		return 0, 0, false
	}
	if s := e.tok(k + 1); s.glued && s.kind == 'a' && isOrdinalSuffix(strings.ToLower(s.text)) {
		k++
	}
	return d, k, true
}

// yearAt reads a year at token k (2025).
func (e *enReader) yearAt(k int) (int, bool) {
	t := e.tok(k)
	if t.kind != '0' || len(t.text) != 4 {
		return 0, false
	}
	y := atoi(t.text)
	return y, y >= 1000 && y < 3000
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		d, ok := arabicDigit(r)
		if !ok {
			return -1
		}
		n = n*10 + d
		if n > 1e6 {
			return -1
		}
	}
	return n
}

func isOrdinalSuffix(w string) bool { return w == "st" || w == "nd" || w == "rd" || w == "th" }

// date reads a date that starts with a month name at e.k: June 17, 2025;
// June 17; June 2025; June; June 17-19.
func (e *enReader) date(m int) bool {
	first := e.k
	k := e.k + 1
	if e.tok(k).text == "." && e.tok(k).glued {
		k++
	}
	v := Value{Kind: Date, Month: m}
	last := first
	if d, dl, ok := e.dayAt(k); ok && !e.isYearToken(k) {
		v.Day, last, k = d, dl, dl+1
		if e.tok(k).text == "," {
			if y, ok := e.yearAt(k + 1); ok {
				v.Year, last, k = y, k+1, k+2
			}
		} else if y, ok := e.yearAt(k); ok {
			v.Year, last, k = y, k, k+1
		}
	} else if y, ok := e.yearAt(k); ok {
		v.Year, last, k = y, k, k+1
	}
	e.emit(reading{Value: v, scale: 1}, first, last)
	e.k = last + 1
	// June 17-19, June 17 and 18: the second day belongs to the same month.
	if v.Day != 0 && v.Year == 0 {
		c := e.lower(e.k)
		if c == "-" || c == "–" || c == "—" || c == "to" || c == "and" || c == "through" {
			if d, dl, ok := e.dayAt(e.k + 1); ok && e.tok(dl+1).kind != 'a' {
				w := v
				w.Day = d
				if e.tok(dl+1).text == "," {
					if y, ok := e.yearAt(dl + 2); ok {
						w.Year = y
						e.out[len(e.out)-1].Year = y
						dl += 2
					}
				}
				e.emit(reading{Value: w, scale: 1}, e.k+1, dl)
				e.k = dl + 1
			}
		}
	}
	return true
}

// isYearToken reports whether token k is a four-digit year (June 2025).
func (e *enReader) isYearToken(k int) bool {
	_, ok := e.yearAt(k)
	return ok
}

// number reads a figure starting with digits at e.k.
func (e *enReader) number() bool {
	first := e.k
	t := e.tok(first)
	// 2025-06-17
	if len(t.text) == 4 && e.tok(first+1).text == "-" && e.tok(first+1).glued && e.tok(first+3).text == "-" && e.tok(first+3).glued {
		y, m, d := atoi(t.text), atoi(e.tok(first+2).text), atoi(e.tok(first+4).text)
		if e.tok(first+2).kind == '0' && e.tok(first+4).kind == '0' && y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			e.emit(reading{Value: Value{Kind: Date, Year: y, Month: m, Day: d}, scale: 1}, first, first+4)
			e.k = first + 5
			return true
		}
	}
	// 17 June 2025, 17th June
	if d, dl, ok := e.dayAt(first); ok {
		mk := dl + 1
		if e.lower(mk) == "of" {
			mk++
		}
		if m, ok := months[e.lower(mk)]; ok && unicode.IsUpper(firstRune(e.tok(mk).text)) {
			v := Value{Kind: Date, Month: m, Day: d}
			last := mk
			if e.tok(mk+1).text == "." && e.tok(mk+1).glued {
				last++
			}
			if y, ok := e.yearAt(last + 1); ok {
				v.Year, last = y, last+1
			} else if e.tok(last+1).text == "," {
				if y, ok := e.yearAt(last + 2); ok {
					v.Year, last = y, last+2
				}
			}
			e.emit(reading{Value: v, scale: 1}, first, last)
			e.k = last + 1
			return true
		}
	}
	// 10:30, 10 a.m., 3:30 p.m.
	if rd, last, ok := e.clock(first); ok {
		e.emit(rd, first, last)
		e.k = last + 1
		return true
	}
	nu, _ := readArabicAt(e.s, t.start)
	rd := reading{Value: Value{Kind: Number, Num: nu.num, half: nu.half}, bare: true, scale: 1}
	rd.Approx = e.approxBefore(first)
	rd.Unit = e.currencyBefore(first)
	last := first
	k := first + 1
	// 2nd, 21st; 1990s; 5bn, 5m
	if s := e.tok(k); s.glued && s.kind == 'a' {
		w := strings.ToLower(s.text)
		switch {
		case isOrdinalSuffix(w) && !nu.hasDecimal:
			rd.Kind, rd.bare = Ordinal, false
			e.emit(rd, first, k)
			e.k = k + 1
			return true
		case w == "s" && nu.digits == 4 && !nu.hasDecimal:
			rd.Kind, rd.Year, rd.bare = Year, int(nu.num), false
			e.emit(rd, first, k)
			e.k = k + 1
			return true
		case w == "s" && nu.digits == 2 && !nu.hasDecimal && decade(nu.num) != 0:
			// the '90s, the 90s: the decade 90年代 names
			rd.Kind, rd.Year, rd.bare = Year, decade(nu.num), false
			rd.Num = float64(rd.Year)
			e.emit(rd, first, k)
			e.k = k + 1
			return true
		}
		// 5bn, $5m; but not the M of Ka-52M.
		if f, ok := enScales[w]; ok && (len(w) > 1 || rd.Unit != "") && !isLatinLetter(firstRune(e.s[s.end:])) {
			rd.scale *= f
			last, k = k, k+1
		}
	}
	last, k = e.scaleWords(&rd, last, k)
	if rd.scale != 1 {
		rd.Num *= rd.scale
		rd.half *= rd.scale
		rd.bare = false
	}
	last = e.percent(&rd, last)
	if rd.Kind == Number && rd.scale == 1 && !nu.hasDecimal && nu.digits == 4 && !strings.Contains(t.text, ",") && nu.num >= 1000 && nu.num < 3000 && rd.Unit == "" {
		// A year does not join a range with the next figure ("the end of
		// 2015 to 0.72%"); 2021-2025 are two years anyway.
		rd.Kind, rd.Year, rd.bare = Year, int(nu.num), false
	}
	e.emit(rd, first, last)
	e.k = last + 1
	return true
}

// scaleWords applies "million", "hundred million", … after token last and
// returns the new last token and the next one.
func (e *enReader) scaleWords(rd *reading, last, k int) (int, int) {
	for {
		w := e.lower(k)
		switch w {
		case "hundred", "thousand", "million", "billion", "trillion":
			rd.scale *= enScales[w]
			last, k = k, k+1
			continue
		}
		return last, k
	}
}

// percent reads %, percent, per cent, percentage point(s) after token last.
func (e *enReader) percent(rd *reading, last int) int {
	k := last + 1
	switch e.lower(k) {
	case "%", "％":
		rd.Kind, rd.Unit, rd.bare = Percent, "%", false
		return k
	case "percent", "pct":
		rd.Kind, rd.Unit, rd.bare = Percent, "%", false
		if e.lower(k+1) == "age" {
			k++
		}
		return k
	case "per":
		if e.lower(k+1) == "cent" {
			rd.Kind, rd.Unit, rd.bare = Percent, "%", false
			return k + 1
		}
	case "percentage":
		if p := e.lower(k + 1); p == "point" || p == "points" {
			rd.Kind, rd.Unit, rd.bare = Percent, "pp", false
			return k + 1
		}
	}
	return last
}

// approxBefore reports an approximating word before token k: about 30,
// more than 30, nearly 30.
func (e *enReader) approxBefore(k int) bool {
	j := k - 1
	if c := e.tok(j).text; c == "$" || strings.HasSuffix(c, "$") || c == "€" || c == "£" || c == "¥" {
		j--
	}
	w := e.lower(j)
	return approxWords[w] || slices.Contains(approxPhrases[w], e.lower(j-1))
}

// currencyBefore returns the currency written before token k ($, HK$, US$, RMB).
func (e *enReader) currencyBefore(k int) string {
	p := e.tok(k - 1)
	switch p.text {
	case "$":
		switch q := e.tok(k - 2); {
		case q.glued || q.end == p.start:
			switch strings.ToUpper(q.text) {
			case "HK":
				return "HKD"
			case "US":
				return "USD"
			case "NT":
				return "TWD"
			}
		}
		return "USD"
	case "€":
		return "EUR"
	case "£":
		return "GBP"
	case "¥":
		return "CNY"
	}
	switch strings.ToUpper(p.text) {
	case "RMB", "CNY":
		return "CNY"
	case "USD", "HKD", "EUR", "GBP", "JPY":
		return strings.ToUpper(p.text)
	}
	return ""
}

// clock reads 10:30, 10 a.m., 3:30 p.m. at token k.
func (e *enReader) clock(k int) (reading, int, bool) {
	t := e.tok(k)
	if t.kind != '0' || strings.ContainsAny(t.text, ",.") {
		return reading{}, 0, false
	}
	h := atoi(t.text)
	if h < 0 || h > 24 {
		return reading{}, 0, false
	}
	rd := reading{Value: Value{Kind: Time, Hour: h}, scale: 1}
	last := k
	colon := false
	if c := e.tok(k + 1); (c.text == ":" || c.text == "：") && c.glued {
		m := e.tok(k + 2)
		if m.kind != '0' || len(m.text) != 2 || !m.glued {
			return reading{}, 0, false
		}
		rd.Minute = atoi(m.text)
		if rd.Minute > 59 {
			return reading{}, 0, false
		}
		last, colon = k+2, true
		if c := e.tok(k + 3); c.text == ":" && c.glued && e.tok(k+4).glued && len(e.tok(k+4).text) == 2 {
			last = k + 4 // 17:37:29
		}
	}
	if !colon && h <= 12 && e.oClock(k+1) {
		rd.Clock12 = true
		return rd, k + 3, true
	}
	ap, apLast := e.ampm(last + 1)
	switch {
	case ap != 0 && h >= 1 && h <= 12:
		rd.Hour = h % 12
		if ap == 'p' {
			rd.Hour += 12
		}
		return rd, apLast, true
	case colon:
		if h <= 12 && len(t.text) == 1 {
			rd.Clock12 = true
		}
		rd.Hour = h % 24
		return rd, last, true
	}
	return reading{}, 0, false
}

// ampm reads a.m., am, p.m., pm at token k: 'a', 'p' or 0, and the last token.
func (e *enReader) ampm(k int) (byte, int) {
	w := e.lower(k)
	switch w {
	case "am", "pm":
		return w[0], k
	case "a", "p":
		if e.tok(k+1).text == "." && e.lower(k+2) == "m" {
			last := k + 2
			if e.tok(k+3).text == "." {
				last++
			}
			return w[0], last
		}
	case "noon":
		return 'p', k
	}
	return 0, 0
}

// words reads a number written in words at e.k: twenty-five, a hundred,
// two million, one hundred and five, twenty-first, 1.2 million is in number.
func (e *enReader) words() bool {
	first := e.k
	k := first
	var total, cur float64
	any, ordinal := false, false
	last := first
	for {
		w := e.lower(k)
		if w == "-" && any && e.tok(k).glued {
			k++
			continue
		}
		if u, ok := enUnits[w]; ok {
			cur += u
			any, last, k = true, k, k+1
			continue
		}
		if o, ok := enOrdinals[w]; ok {
			if o >= 100 {
				cur = math.Max(cur, 1) * o
			} else {
				cur += o
			}
			any, ordinal, last = true, true, k
			break
		}
		if (w == "a" || w == "an") && !any && e.isScaleWord(k+1) {
			cur = 1
			k++
			continue
		}
		if w == "dozen" && cur >= 1 {
			cur *= 12
			any, last, k = true, k, k+1
			continue
		}
		if f, ok := enScales[w]; ok && len(w) > 3 {
			if cur == 0 {
				cur = 1
			}
			if f == 100 {
				cur *= 100
			} else {
				total += cur * f
				cur = 0
			}
			any, last, k = true, k, k+1
			continue
		}
		if w == "and" && any && e.isNumberWord(k+1) {
			k++
			continue
		}
		break
	}
	if !any {
		return false
	}
	rd := reading{Value: Value{Kind: Number, Num: total + cur}, bare: true, scale: 1}
	rd.Approx = e.approxBefore(first)
	if !ordinal && total == 0 && cur >= 1 && cur <= 12 && cur == math.Trunc(cur) && e.oClock(last+1) {
		rd.Value = Value{Kind: Time, Hour: int(cur), Clock12: true}
		e.emit(rd, first, last+3)
		e.k = last + 4
		return true
	}
	if ordinal {
		rd.Kind, rd.bare = Ordinal, false
	} else {
		last = e.percent(&rd, last)
	}
	e.emit(rd, first, last)
	e.k = last + 1
	return true
}

// oClock reports "o'clock" at tokens k..k+2.
func (e *enReader) oClock(k int) bool {
	q := e.tok(k + 1).text
	return strings.EqualFold(e.tok(k).text, "o") && (q == "'" || q == "’") && strings.EqualFold(e.tok(k+2).text, "clock")
}

func (e *enReader) isNumberWord(k int) bool {
	w := e.lower(k)
	_, u := enUnits[w]
	_, o := enOrdinals[w]
	return u || o
}

// enConnector reports whether text between two figures joins them into a
// range (3-5 percent, 3 to 5 percent, between 3 and 5 percent, 3 or 4).
func enConnector(between string) bool {
	switch strings.ToLower(strings.TrimSpace(between)) {
	case "-", "–", "—", "to", "and", "or", "through", "~":
		return true
	}
	return false
}

// roman reads an upper-case Roman numeral of two or more letters (Article
// IV, World War II); single letters are too often words or initials.
func roman(s string) (int, bool) {
	if len(s) < 2 || len(s) > 12 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		v := romanDigit(s[i])
		if v == 0 {
			return 0, false
		}
		if i+1 < len(s) && romanDigit(s[i+1]) > v {
			n -= v
		} else {
			n += v
		}
	}
	return n, n > 0 && toRoman(n) == s
}

func romanDigit(c byte) int {
	switch c {
	case 'I':
		return 1
	case 'V':
		return 5
	case 'X':
		return 10
	case 'L':
		return 50
	case 'C':
		return 100
	case 'D':
		return 500
	case 'M':
		return 1000
	}
	return 0
}

// toRoman writes n in canonical Roman numerals, to reject IIII or VX.
func toRoman(n int) string {
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}
