package check

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bitext/bitext/corpus/numbers"
)

// numberFindings reports the numbers and dates of segment i's source that
// have no counterpart (numbers.Match) in its target or, with slack, in a
// neighbouring target.
func numberFindings(base Finding, in *Input, states []segState, i int) []Finding {
	st := &states[i]
	if len(st.zhNums) == 0 || in.Segments[i].EN == "" {
		return nil
	}
	var out []Finding
	for _, z := range st.zhNums {
		if matchedNear(z, states, i, in.Slack) {
			continue
		}
		f := base
		f.Kind, f.ZHTerm, f.Expected = NumberMismatch, z.Text, []string{describe(z)}
		f.ZHSpan = &Span{z.Start, z.End}
		// Unmatched English numbers are shown as what the target has
		// instead, those of z's kind (a percentage for a percentage) alone
		// when there are any; number words (one, a hundred) are too often
		// not numbers to be worth showing.
		var found, sameKind []numbers.Value
		for _, e := range st.enNums {
			if !matchesAny(st.zhNums, e) && (strings.ContainsAny(e.Text, "0123456789") || e.Kind == numbers.Weekday) {
				found = append(found, e)
				if kindClass(e.Kind) == kindClass(z.Kind) {
					sameKind = append(sameKind, e)
				}
			}
		}
		if len(sameKind) > 0 {
			found = sameKind
		}
		var texts []string
		for _, e := range found {
			texts = append(texts, e.Text)
		}
		if len(found) > 0 {
			f.ENSpan = &Span{found[0].Start, found[0].End}
		}
		f.Found = strings.Join(texts, ", ")
		f.Message = z.Text + " has no counterpart in the translation"
		if d := describe(z); d != z.Text {
			f.Message = fmt.Sprintf("%s (%s) has no counterpart in the translation", z.Text, d)
		}
		if f.Found != "" {
			f.Message += "; it has " + f.Found
		}
		out = append(out, f)
	}
	return out
}

// kindClass groups the kinds of values a translation may render one as
// another: amounts (numbers, ordinals, years), percentages, dates and
// times.
func kindClass(k numbers.Kind) int {
	switch k {
	case numbers.Number, numbers.Ordinal, numbers.Year:
		return 0
	case numbers.Percent:
		return 1
	case numbers.Date, numbers.Weekday:
		return 2
	}
	return 3
}

func matchedNear(z numbers.Value, states []segState, i, slack int) bool {
	for d := 0; d <= slack; d++ {
		for _, j := range []int{i - d, i + d} {
			if j < 0 || j >= len(states) || d == 0 && j != i {
				continue
			}
			for _, e := range states[j].enNums {
				if numbers.Match(z, e) {
					return true
				}
			}
		}
	}
	return false
}

func matchesAny(zh []numbers.Value, e numbers.Value) bool {
	for _, z := range zh {
		if numbers.Match(z, e) {
			return true
		}
	}
	return false
}

// documentYear is the year of the first date of the source that states
// its year, month and day (the dateline of a news story), or 0.
func documentYear(segs []Segment) int {
	for _, s := range segs {
		for _, v := range numbers.Chinese(s.ZH) {
			if v.Kind == numbers.Date && v.Year != 0 && v.Month != 0 && v.Day != 0 {
				return v.Year
			}
		}
	}
	return 0
}

// describe writes a value the way an English translation would.
func describe(v numbers.Value) string {
	switch v.Kind {
	case numbers.Date:
		var parts []string
		if v.Month != 0 {
			parts = append(parts, time.Month(v.Month).String())
		}
		if v.Day != 0 {
			parts = append(parts, strconv.Itoa(v.Day))
		}
		s := strings.Join(parts, " ")
		if v.Year != 0 {
			if s != "" {
				s += ", "
			}
			s += strconv.Itoa(v.Year)
		}
		if wd, ok := numbers.WeekdayOf(v); ok {
			s += " (" + wd.String() + ")"
		}
		return s
	case numbers.Year:
		return strconv.Itoa(v.Year)
	case numbers.Weekday:
		return v.Weekday.String()
	case numbers.Time:
		return fmt.Sprintf("%d:%02d", v.Hour, v.Minute)
	case numbers.Percent:
		return groupDigits(v.Num) + "%"
	case numbers.Ordinal:
		return ordinal(int(v.Num))
	}
	s := groupDigits(v.Num)
	if v.Approx {
		s = "about " + s
	}
	return s
}

// groupDigits writes f with thousands separators: 120000 → 120,000.
func groupDigits(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}
