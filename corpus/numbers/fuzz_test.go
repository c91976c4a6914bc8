package numbers

import (
	"math"
	"testing"
)

// checkValues states what every reader result must satisfy: spans inside
// the input and in order, Text equal to the span, finite numbers, dates in
// range.
func checkValues(t *testing.T, s string, vs []Value) {
	t.Helper()
	prev := 0
	for _, v := range vs {
		if v.Start < prev || v.End < v.Start || v.End > len(s) {
			t.Fatalf("%q: bad span %d:%d after %d", s, v.Start, v.End, prev)
		}
		if s[v.Start:v.End] != v.Text {
			t.Fatalf("%q: Text %q ≠ span %q", s, v.Text, s[v.Start:v.End])
		}
		if math.IsNaN(v.Num) || math.IsInf(v.Num, 0) {
			t.Fatalf("%q: %q reads as %v", s, v.Text, v.Num)
		}
		if v.Kind == Date && (v.Month < 0 || v.Month > 12 || v.Day < 0 || v.Day > 31) {
			t.Fatalf("%q: impossible date %s", s, v.Key())
		}
		if v.Key() == "" {
			t.Fatalf("%q: empty key", s)
		}
		prev = v.End
	}
}

var fuzzSeeds = []string{
	"2025年6月17日", "681億港元", "1.2万亿元", "百分之三点五", "第十四个五年规划", "3至5%",
	"下午3时30分", "二〇二五年", "三千五百", "一万二", "30多万", "星期二", "2020-07-26 05:03:17",
	"HK$68.1 billion", "June 17-19, 2025", "between 3 and 5 percent", "twenty-first", "3:30 p.m.",
	"17 June 2025", "1,200.5", "Ka-52M", "1990s", "a hundred and five", "９９９９９９９９９９９９９９９９９９９９９万亿亿亿",
}

func FuzzChinese(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkValues(t, s, Chinese(s))
	})
}

func FuzzEnglish(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkValues(t, s, English(s))
	})
}
