package numbers

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// keys returns the keys of vs joined by spaces, approximate values marked ~.
func keys(vs []Value) string {
	var ks []string
	for _, v := range vs {
		k := v.Key()
		if v.Approx {
			k = "~" + k
		}
		ks = append(ks, k)
	}
	return strings.Join(ks, " ")
}

func TestChinese(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"12万", "number:120000"},
		{"681億港元", "number:68100000000"},
		{"1.2万亿元", "number:1200000000000"},
		{"三千五百人", "number:3500"},
		{"三千五块", "number:3500"},
		{"一万二块钱", "number:12000"},
		{"月薪一万二。", ""},
		{"五十两银子", "number:50"},
		{"一万两千人", "number:12000"},
		{"十七八岁", "~number:17"},
		{"三四百人", "~number:300"},
		{"七八个", ""},
		{"七零八落", ""},
		{"茅十八在酒馆", ""},
		{"二十国集团", "number:20"},
		{"十来个", "~number:10"},
		{"三分之一", ""},
		{"6.片厂", ""},
		{"三、加强合作", ""},
		{"（5）共12项", "number:12"},
		{"3.5%", "percent:3.5"},
		{"5000年历史", "number:5000"},
		{"上世纪90年代", "year:1990"},
		{"20世纪80年代", "number:20 year:1980"},
		{"2020年代", "year:2020"},
		{"１２，０００人", "number:12000"},
		{"1，200", "number:1 number:200"},
		{"3·15晚会", "date:-03-15"},
		{"1·2·3", "number:1 number:2 number:3"},
		{"两名记者", "number:2"},
		{"二〇二五年", "year:2025"},
		{"一九四九年十月一日", "date:1949-10-01"},
		{"2025年6月17日", "date:2025-06-17"},
		{"６月１７日", "date:-06-17"},
		{"6月17日至19日", "date:-06-17 date:--19"},
		{"17日", "date:--17"},
		{"2016年", "year:2016"},
		{"3年", "number:3"},
		{"三个月", "number:3"},
		{"3月份", "date:-03"},
		{"1至5月", "date:-01 date:-05"},
		{"百分之五", "percent:5"},
		{"百分之三点五", "percent:3.5"},
		{"6.5%", "percent:6.5"},
		{"3至5%", "percent:3 percent:5"},
		{"2至3个百分点", "percent:2 percent:3"},
		{"3到5万元", "number:30000 number:50000"},
		{"第二届", "ordinal:2"},
		{"第十四个五年规划", "ordinal:14 number:5"},
		{"十九大", "number:19"},
		{"星期二", "weekday:Tuesday"},
		{"上周五", "weekday:Friday"},
		{"下午3时30分", "time:15:30"},
		{"10时", "time:10:00/12"},
		{"30多万", "~number:300000"},
		{"近30%", "~percent:30"},
		{"1,200.5吨", "number:1200.5"},
		{"两倍", "number:2"},
		// Not numbers.
		{"一带一路", ""},
		{"统一", ""},
		{"一些国家", ""},
		{"一个重要", ""},
		{"十分重要", ""},
		{"万一", ""},
		{"千万不要", ""},
		{"几十个", ""},
		{"五四运动", ""},
		{"两国关系", ""},
		{"百姓", ""},
		{"一周", ""},
		{"三峡", ""},
		{"十四五岁", "~number:14"},
		{"十四五规划", ""},
		{"党员队伍和登陆", ""},
		{"壹仟伍佰元", "number:1500"},
		{"三轮车", ""},
		{"三番五次强调", ""},
		{"千方百计", ""},
		{"百年未有之大变局", ""},
		{"半斤八两", ""},
		{"四面八方", ""},
		{"三年多来", "~number:3"},
		{"第一时间", ""},
		{"零点", ""},
		{"2020-07-26 05:03:17", "date:2020-07-26 time:05:03"},
		{"2021-2025年", "year:2021 year:2025"},
		{"1.36厘", "percent:1.36"},
		{"5厘米", "number:5"},
		{"數十年", ""},
		{"兩個", "number:2"},
	}
	checkReader(t, "Chinese", Chinese, tests)
}

func checkReader(t *testing.T, name string, read func(string) []Value, tests []struct{ in, want string }) {
	t.Helper()
	for _, tt := range tests {
		if got := keys(read(tt.in)); got != tt.want {
			t.Errorf("%s(%q) = %q, want %q", name, tt.in, got, tt.want)
		}
	}
}

func TestEnglish(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"120,000", "number:120000"},
		{"HK$68.1 billion", "number:68100000000"},
		{"1.2 trillion yuan", "number:1200000000000"},
		{"5bn", "number:5000000000"},
		{"twenty-five", "number:25"},
		{"one hundred and five", "number:105"},
		{"a million", "number:1000000"},
		{"two million", "number:2000000"},
		{"6.5%", "percent:6.5"},
		{"6.5 percent", "percent:6.5"},
		{"up 6.5 percent", "percent:6.5"},
		{"up to 6.5 percent", "~percent:6.5"},
		{"close to 500", "~number:500"},
		{"upwards of 500", "~number:500"},
		{"more than 500", "~number:500"},
		{"6.5 per cent", "percent:6.5"},
		{"3-5 percent", "percent:3 percent:5"},
		{"between 3 and 5 percent", "percent:3 percent:5"},
		{"two percentage points", "percent:2"},
		{"2nd", "ordinal:2"},
		{"second", "ordinal:2"},
		{"twenty-first", "ordinal:21"},
		{"June 17, 2025", "date:2025-06-17"},
		{"17 June 2025", "date:2025-06-17"},
		{"2025-06-17", "date:2025-06-17"},
		{"June 17", "date:-06-17"},
		{"June 17-19", "date:-06-17 date:-06-19"},
		{"Jan. 5", "date:-01-05"},
		{"in May", "date:-05"},
		{"you may go", ""},
		{"June 2025", "date:2025-06"},
		{"the 1990s", "year:1990"},
		{"in the '90s", "year:1990"},
		{"in the 90s", "year:1990"},
		{"in 2016", "year:2016"},
		{"Tuesday", "weekday:Tuesday"},
		{"3:30 p.m.", "time:15:30"},
		{"10 a.m.", "time:10:00"},
		{"about 30", "~number:30"},
		{"G20", "number:20"},
		{"twice", "number:2"},
		{"a dozen", "number:12"},
		{"dozens of", ""},
		{"two dozen", "number:24"},
		{"Ka-52M helicopters", "number:52"},
		{"$5m", "number:5000000"},
		{"2021-2025", "year:2021 year:2025"},
		{"from 0.69% at the end of 2015 to 0.72%", "percent:0.69 year:2015 percent:0.72"},
		{"Article IV", "number:4"},
		{"I went", ""},
		{"in november", "date:-11"},
		{"March this year", "date:-03"},
		{"# MAY", "date:-05"},
		{"noon", "time:12:00"},
		{"three o'clock", "time:03:00/12"},
		{"at 3 o’clock", "time:03:00/12"},
	}
	checkReader(t, "English", English, tests)
}

// TestMatch is the zh↔en table: every number read from the Chinese must
// have a counterpart read from the English (and no counterpart in the
// negative cases).
func TestMatch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		zh, en string
		year   int // document year for dates without one (0: none)
		want   bool
	}{
		{"12万", "120,000", 0, true},
		{"12万", "0.12 million", 0, true},
		{"681億港元", "HK$68.1 billion", 0, true},
		{"1.2万亿元", "1.2 trillion yuan", 0, true},
		{"3500亿美元", "350 billion U.S. dollars", 0, true},
		{"三千五百人", "3,500 people", 0, true},
		{"两名记者", "two reporters", 0, true},
		{"三股势力", "the three evil forces", 0, true},
		{"百分之五", "5 percent", 0, true},
		{"6.5%", "6.5 percent", 0, true},
		{"6.5%", "6.5 per cent", 0, true},
		{"增长6.5%", "grew 6.5", 0, false},
		{"3至5%", "3-5 percent", 0, true},
		{"3至5%", "between 3 and 5 percent", 0, true},
		{"1至5月", "January-May", 0, true},
		{"第二届", "the second", 0, true},
		{"第二届", "the 2nd", 0, true},
		{"第三届", "the second", 0, false},
		{"十九大", "the 19th CPC National Congress", 0, true},
		{"2025年6月17日", "June 17, 2025", 0, true},
		{"2025年6月17日", "17 June 2025", 0, true},
		{"2025年6月17日", "2025-06-17", 0, true},
		{"2025年6月17日", "June 17", 0, true},
		{"6月17日", "June 17, 2025", 0, true},
		{"6月17日", "June 18", 0, false},
		{"6月17日", "Tuesday", 2025, true},
		{"6月17日", "Wednesday", 2025, false},
		{"6月17日", "Tuesday", 0, false},
		{"2025年6月17日", "Tuesday", 0, true},
		{"17日", "on the 17th", 0, true},
		{"2016年", "2016", 0, true},
		{"2016年", "in 2017", 0, false},
		{"2016年", "March 2016", 0, true},
		{"12.35亿", "1.24 billion", 0, true},
		{"12.35亿", "1.3 billion", 0, false},
		{"30多万", "more than 300,000", 0, true},
		{"下午3时", "3 p.m.", 0, true},
		{"10时30分", "10:30 a.m.", 0, true},
		{"星期二", "Tuesday", 0, true},
		{"两次", "twice", 0, true},
		{"二十国集团", "G20", 0, true},
		{"12万", "12,000", 0, false},
		{"上世纪90年代", "in the 1990s", 0, true},
		{"九十年代", "in the '90s", 0, true},
		{"20世纪", "the 20th century", 0, true},
		{"6月中旬", "in mid-June", 0, true},
		{"两千多年", "more than 2,000 years", 0, true},
		// "up" states a change, not an approximation.
		{"同比增长15.3%", "up 13.5 percent year on year", 0, false},
		{"同比增长15.3%", "up 15.3 percent year on year", 0, true},
		{"同比增长15.3%", "up to 15.3 percent", 0, true},
		// An approximate rendering of an exact figure rounds it.
		{"增长15.3%", "about 15 percent", 0, true},
		{"增长15.3%", "about 13.5 percent", 0, false},
		{"97人", "nearly 100 people", 0, true},
		{"38人", "more than 30 people", 0, true},
		{"68亿美元", "more than 8.6 billion U.S. dollars", 0, false},
		{"68亿美元", "close to 7 billion U.S. dollars", 0, true},
	}
	for _, tt := range tests {
		zh := Chinese(tt.zh)
		if tt.year != 0 {
			zh = WithYear(zh, tt.year)
		}
		en := English(tt.en)
		if len(zh) == 0 {
			t.Errorf("Chinese(%q) read nothing", tt.zh)
			continue
		}
		got := true
		for _, z := range zh {
			found := false
			for _, e := range en {
				if Match(z, e) {
					found = true
				}
			}
			got = got && found
		}
		if got != tt.want {
			t.Errorf("Match(%q → %s, %q → %s) = %v, want %v", tt.zh, keys(zh), tt.en, keys(en), got, tt.want)
		}
	}
}

func TestMatchIn(t *testing.T) {
	t.Parallel()
	ref := Value{Kind: Date, Year: 2025, Month: 6, Day: 17}
	tests := []struct {
		zh, en string
		ref    Value
		want   bool
	}{
		{"17日", "on Tuesday", ref, true},
		{"17日", "on Monday", ref, false},
		{"17日", "on Tuesday", Value{}, false},
		{"17日", "on June 17", Value{}, true},
		{"30日", "on Friday", ref, true}, // May 30, 2025
		{"6月17日", "Tuesday", ref, true},
		{"6月17日", "June 17", Value{Kind: Date, Year: 1999, Month: 1, Day: 1}, true},
		{"2024年6月17日", "Tuesday", ref, false},
		{"2024年6月17日", "Monday", ref, true},
	}
	for _, tt := range tests {
		zh, en := Chinese(tt.zh)[0], English(tt.en)[0]
		if got := MatchIn(zh, en, tt.ref); got != tt.want {
			t.Errorf("MatchIn(%q, %q, %s) = %v, want %v", tt.zh, tt.en, tt.ref.Key(), got, tt.want)
		}
	}
}

func TestKeyEqual(t *testing.T) {
	t.Parallel()
	pairs := [][2]string{
		{"12万", "120,000"},
		{"1.2万亿", "1.2 trillion"},
		{"6月17日", "June 17"},
		{"6.5%", "6.5 per cent"},
		{"第二", "2nd"},
	}
	for _, p := range pairs {
		zh, en := Chinese(p[0]), English(p[1])
		if len(zh) != 1 || len(en) != 1 || zh[0].Key() != en[0].Key() {
			t.Errorf("keys of %q (%s) and %q (%s) differ", p[0], keys(zh), p[1], keys(en))
		}
	}
}

func TestSpans(t *testing.T) {
	t.Parallel()
	s := "据新华社北京6月17日电，今年前5个月进出口增长3.5%。"
	for _, v := range Chinese(s) {
		if s[v.Start:v.End] != v.Text {
			t.Errorf("span %d:%d = %q, Text %q", v.Start, v.End, s[v.Start:v.End], v.Text)
		}
	}
	if got, want := keys(Chinese(s)), "date:-06-17 number:5 percent:3.5"; got != want {
		t.Errorf("Chinese(%q) = %q, want %q", s, got, want)
	}
}

func TestWeekdayOf(t *testing.T) {
	t.Parallel()
	wd, ok := WeekdayOf(Value{Kind: Date, Year: 2025, Month: 6, Day: 17})
	if !ok || wd != time.Tuesday {
		t.Errorf("WeekdayOf(2025-06-17) = %v, %v; want Tuesday", wd, ok)
	}
	if _, ok := WeekdayOf(Value{Kind: Date, Year: 2025, Month: 2, Day: 30}); ok {
		t.Error("WeekdayOf(2025-02-30) succeeded")
	}
}

func ExampleChinese() {
	for _, v := range Chinese("2025年6月17日，进出口总值12万亿元，增长3.5%。") {
		fmt.Println(v.Text, v.Key())
	}
	// Output:
	// 2025年6月17日 date:2025-06-17
	// 12万亿 number:12000000000000
	// 3.5% percent:3.5
}

func ExampleMatch() {
	zh := Chinese("681億港元")[0]
	en := English("HK$68.1 billion")[0]
	fmt.Println(Match(zh, en))
	// Output: true
}

func BenchmarkChinese(b *testing.B) {
	s := strings.Repeat("新华社北京6月17日电 今年前5个月，我国货物贸易进出口总值17.94万亿元，同比增长2.5%，其中出口10.67万亿元，增长7.2%；第二届中国－中亚峰会将于17日举行。", 10)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = Chinese(s)
	}
}

func BenchmarkEnglish(b *testing.B) {
	s := strings.Repeat("BEIJING, June 17 (Xinhua) -- China's foreign trade of goods rose 2.5 percent year on year to 17.94 trillion yuan (about 2.5 trillion U.S. dollars) in the first five months, with exports up 7.2 percent; the second China-Central Asia Summit opens on Tuesday. ", 10)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = English(s)
	}
}
