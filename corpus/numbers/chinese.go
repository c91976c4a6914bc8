package numbers

import (
	"math"
	"strings"
	"time"
	"unicode/utf8"
)

// Chinese returns the numbers, dates, years, weekdays and times of a
// Chinese sentence in text order (see the package comment for what counts).
func Chinese(s string) []Value {
	z := zhReader{s: s}
	z.i = skipEnumerator(s)
	for z.i < len(s) {
		if !z.read() {
			_, n := utf8.DecodeRuneInString(s[z.i:])
			z.i += n
		}
	}
	return finishRanges(s, z.out, zhConnector)
}

// skipEnumerator returns the end of a list or section number that opens s
// (1. 2、 三、 (四) （5）), which translations often drop or renumber, or 0.
func skipEnumerator(s string) int {
	i := len(s) - len(strings.TrimLeft(s, " \t\u3000"))
	j := i
	open, _ := at(s, j)
	if open == '(' || open == '（' {
		j += utf8.RuneLen(open)
	}
	k := j
	for k < len(s) {
		r, n := at(s, k)
		if !isDigitRune(r) && !zhIsDigit(r) && r != '十' {
			break
		}
		k += n
	}
	if k == j || k-j > 9 {
		return 0
	}
	r, n := at(s, k)
	switch {
	case open == '(' || open == '（':
		if r == ')' || r == '）' {
			return k + n
		}
	case r == '、' || r == '．':
		return k + n
	case r == '.':
		if r2, _ := at(s, k+n); !isDigitRune(r2) {
			return k + n
		}
	}
	return 0
}

// zhReader scans a Chinese sentence; i is the byte position.
type zhReader struct {
	s   string
	i   int
	out []reading
}

// reading is a Value while it is read, with what range joining needs.
type reading struct {
	Value
	bare  bool    // a plain figure without unit, scale, % or date part
	scale float64 // the 万/亿/million… factor applied, 1 if none
}

var zhDigits = map[rune]int{
	'零': 0, '〇': 0, '○': 0, '一': 1, '壹': 1, '二': 2, '贰': 2, '貳': 2, '两': 2, '兩': 2,
	'三': 3, '叁': 3, '參': 3, '四': 4, '肆': 4, '五': 5, '伍': 5, '六': 6, '陆': 6, '陸': 6,
	'七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9,
}

// zhFinancial are the anti-fraud forms of the numerals (大写数字); most are
// also common characters (队伍, 大陆).
const zhFinancial = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟"

var zhUnits = map[rune]float64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000, '廿': 20, '卅': 30}

var zhBig = map[rune]float64{'万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8}

func isZhNumeral(r rune) bool {
	_, d := zhDigits[r]
	_, u := zhUnits[r]
	_, b := zhBig[r]
	return d || u || b
}

func arabicDigit(r rune) (int, bool) {
	switch {
	case '0' <= r && r <= '9':
		return int(r - '0'), true
	case '０' <= r && r <= '９':
		return int(r - '０'), true
	}
	return 0, false
}

// at returns the rune at byte i of s and its size (0, 0 at the end).
func at(s string, i int) (rune, int) {
	if i >= len(s) || i < 0 {
		return 0, 0
	}
	return utf8.DecodeRuneInString(s[i:])
}

// before returns the rune that ends at byte i of s.
func before(s string, i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// zhMeasures may follow a lone Chinese numeral character (三个, 五项, 两名)
// and make it a number.
// Traditional forms follow the Simplified ones.
const zhMeasures = "个名位人次项件条家所座架艘辆台部批倍岁天周年届轮场篇本份只头匹棵张支种类级层股大点元亩吨米里度期季节栋套枚颗封句段章页秒户组队片笔起例块" +
	"個項條輛臺場隻頭張種類級層點畝噸裏節棟顆頁戶組隊筆屆輪歲週間塊"

// zhNotNumber are words in which a lone numeral before a measure character
// is not a count: 十分 (very), 十足, 一点 (a little) …
var zhNotNumber = []string{"十分", "十足", "十字", "十全", "十大", "两大", "兩大", "一点", "一點", "两点", "兩點", "一大", "九天", "三天两头",
	"五大三粗", "三轮车", "三明治", "四轮驱动", "一把手", "千万", "十万八千里", "十有八九", "十有九",
	"三番五次", "三令五申", "一五一十", "十万火急", "九牛二虎"}

// read tries to read a value at z.i and reports whether it did.
func (z *zhReader) read() bool {
	s, i := z.s, z.i
	r, _ := at(s, i)
	switch {
	case strings.HasPrefix(s[i:], "百分之"):
		return z.percentWords(i)
	case r == '第':
		if strings.HasPrefix(s[i:], "第一时间") { // "at once"
			z.i = i + len("第一时间")
			return true
		}
		return z.ordinal(i)
	case r == '星' && strings.HasPrefix(s[i:], "星期"), r == '礼' && strings.HasPrefix(s[i:], "礼拜"):
		return z.weekday(i, i+len("星期"))
	case r == '周' && !isZhNumeral(before(s, i)):
		return z.weekday(i, i+len("周"))
	}
	if _, ok := arabicDigit(r); ok {
		return z.number(i)
	}
	if isZhNumeral(r) {
		return z.number(i)
	}
	return false
}

// numeral reads a figure at i: Arabic digits (with separators and a decimal
// part) or Chinese numerals. ok is false when nothing acceptable is there.
// chinese says the figure was written in Chinese numerals, lone says it was
// a single Chinese numeral character, positional that it was written digit
// by digit (二〇二五).
type numeral struct {
	num                               float64
	end                               int
	chinese, lone, positional, approx bool
	half                              float64
	digits                            int // for positional and Arabic figures: the number of integer digits
	hasDecimal                        bool
}

func readArabicAt(s string, i int) (numeral, bool) {
	j := i
	var intPart, frac float64
	digits, fracDigits := 0, 0
	decimal := false
	for j < len(s) {
		r, n := at(s, j)
		if d, ok := arabicDigit(r); ok {
			if decimal {
				fracDigits++
				frac += float64(d) / math.Pow(10, float64(fracDigits))
			} else {
				intPart = intPart*10 + float64(d)
				digits++
			}
			j += n
			continue
		}
		// 1,200; １２，０００ with a full-width comma only between full-width
		// digits, since 1，200 in Chinese text is more often a list.
		if (r == ',' || r == '，' && before(s, j) >= '０') && !decimal && digits > 0 && threeDigits(s, j+n) {
			j += n
			continue
		}
		// 3.5, ３．５; not 3·15 (a date name: March 15).
		if (r == '.' || r == '．') && !decimal && digits > 0 {
			if r2, _ := at(s, j+n); isDigitRune(r2) {
				decimal = true
				j += n
				continue
			}
		}
		break
	}
	if digits == 0 {
		return numeral{}, false
	}
	nu := numeral{num: intPart + frac, end: j, digits: digits, hasDecimal: decimal}
	nu.half = 0.5 * math.Pow(10, -float64(fracDigits))
	return nu, true
}

func isDigitRune(r rune) bool {
	_, ok := arabicDigit(r)
	return ok
}

// threeDigits reports whether s[j:] starts with exactly three digits (a
// thousands group).
func threeDigits(s string, j int) bool {
	for k := 0; k < 3; k++ {
		r, n := at(s, j)
		if !isDigitRune(r) {
			return false
		}
		j += n
	}
	r, _ := at(s, j)
	return !isDigitRune(r)
}

// readZhAt reads a run of Chinese numerals at i (the longest prefix that is
// a well-formed numeral, with a decimal part after 点).
func readZhAt(s string, i int) (numeral, bool) {
	var rs []rune
	var ends []int
	j := i
	for j < len(s) {
		r, n := at(s, j)
		if (r == '两' || r == '兩') && len(rs) > 0 {
			if _, afterBig := zhBig[rs[len(rs)-1]]; !afterBig {
				break // 五十两 is fifty taels; 一万两千 is 12,000
			}
		}
		if isZhNumeral(r) {
			rs = append(rs, r)
			j += n
			ends = append(ends, j)
			continue
		}
		if r == '点' && len(rs) > 0 {
			if r2, _ := at(s, j+n); zhIsDigit(r2) {
				rs = append(rs, r)
				j += n
				ends = append(ends, j)
				continue
			}
		}
		break
	}
	if len(rs) == 0 {
		return numeral{}, false
	}
	if _, _, ok := parseZh(rs); !ok {
		if v, ok := parseApprox(rs); ok {
			return numeral{num: v, end: ends[len(rs)-1], chinese: true, approx: true}, true
		}
	}
	for k := len(rs); k > 0; k-- {
		if rs[k-1] == '点' {
			continue
		}
		if v, positional, ok := parseZh(rs[:k]); ok {
			nu := numeral{num: v, end: ends[k-1], chinese: true, lone: k == 1, positional: positional}
			if positional {
				nu.digits = k
			}
			return nu, true
		}
	}
	return numeral{}, false
}

// parseApprox reads the "n or n+1" numerals: 十四五 (14 or 15), 十七八,
// 三四百 (300 or 400), 一二十 (10 or 20). The value is the lower figure. Runs
// of digits alone (七八, 两三) are not read: they are too often idioms.
func parseApprox(rs []rune) (float64, bool) {
	hasUnit := false
	for _, r := range rs {
		if _, u := zhUnits[r]; u {
			hasUnit = true
		}
	}
	if !hasUnit {
		return 0, false
	}
	for p := 0; p+1 < len(rs); p++ {
		a, okA := zhDigits[rs[p]]
		b, okB := zhDigits[rs[p+1]]
		if !okA || !okB || a == 0 || b != a+1 {
			continue
		}
		lower := append(append([]rune{}, rs[:p+1]...), rs[p+2:]...)
		if v, positional, ok := parseZh(lower); ok && !positional {
			return v, true
		}
		return 0, false
	}
	return 0, false
}

func zhIsDigit(r rune) bool {
	_, ok := zhDigits[r]
	return ok
}

// parseZh parses a Chinese numeral: structured (三千五百, 一万二, 十二,
// 三万亿) or positional (二〇二五), with an optional decimal part after 点.
func parseZh(rs []rune) (v float64, positional, ok bool) {
	if k := indexRune(rs, '点'); k >= 0 {
		whole, pos, ok := parseZh(rs[:k])
		if !ok || pos && k > 1 {
			return 0, false, false
		}
		frac := 0.0
		for n, r := range rs[k+1:] {
			d, isD := zhDigits[r]
			if !isD || r == '两' {
				return 0, false, false
			}
			frac += float64(d) / math.Pow(10, float64(n+1))
		}
		return whole + frac, false, true
	}
	allDigits := true
	for _, r := range rs {
		if !zhIsDigit(r) {
			allDigits = false
		}
	}
	if allDigits {
		for _, r := range rs {
			if r == '两' && len(rs) > 1 {
				return 0, false, false
			}
			v = v*10 + float64(zhDigits[r])
		}
		return v, len(rs) > 1, true
	}
	return parseStructured(rs)
}

func indexRune(rs []rune, r rune) int {
	for i, x := range rs {
		if x == r {
			return i
		}
	}
	return -1
}

// parseStructured parses numerals with 十百千万亿.
func parseStructured(rs []rune) (float64, bool, bool) {
	var total, section float64
	pending := -1.0 // a digit waiting for its unit
	lastUnit := 0.0 // the last unit in this section (for 三千五 = 3500)
	lastBig := 0.0  // the last 万/亿 (for 一万二 = 12000)
	afterZero := false
	prevUnit := false // the previous character was a unit or 万/亿
	for idx, r := range rs {
		if d, ok := zhDigits[r]; ok {
			if pending >= 0 && !afterZero {
				return 0, false, false // two digits in a row: 十四五, 七八
			}
			if d == 0 {
				afterZero = true
				pending = -1
				prevUnit = false
				continue
			}
			pending = float64(d)
			prevUnit = false
			continue
		}
		if u, ok := zhUnits[r]; ok {
			if r == '廿' || r == '卅' {
				if pending >= 0 || (lastUnit != 0 && lastUnit <= 10) {
					return 0, false, false
				}
				section += u
				lastUnit = 10
				prevUnit = true
				afterZero = false
				continue
			}
			if pending < 0 {
				if u == 10 && (idx == 0 || afterZero || prevUnit && lastBig != 0 && lastUnit == 0) {
					pending = 1 // 十二, 一百零十? , 一万十
				} else {
					return 0, false, false
				}
			}
			if lastUnit != 0 && u >= lastUnit {
				return 0, false, false
			}
			section += pending * u
			pending = -1
			lastUnit = u
			prevUnit = true
			afterZero = false
			continue
		}
		b := zhBig[r]
		val := section
		if pending >= 0 {
			val += pending
		}
		switch {
		case b == 1e8:
			if val == 0 && total == 0 {
				return 0, false, false
			}
			total = (total + val) * 1e8
		case val == 0:
			return 0, false, false
		case lastBig == 1e4 && total < 1e8:
			return 0, false, false // 三万五万
		default:
			total += val * b
		}
		section, pending, lastUnit, lastBig = 0, -1, 0, b
		prevUnit = true
		afterZero = false
	}
	if pending >= 0 {
		switch {
		case afterZero:
			section += pending
		case lastUnit >= 100 && prevUnitWasLast(rs):
			section += pending * lastUnit / 10 // 三千五 = 3500
		case lastUnit == 0 && lastBig != 0 && prevUnitWasLast(rs):
			section += pending * lastBig / 10 // 一万二 = 12000
		default:
			section += pending
		}
	}
	return total + section, false, true
}

// prevUnitWasLast reports whether the character before the final digit is
// a unit (三千五) rather than 零 (三千零五).
func prevUnitWasLast(rs []rune) bool {
	if len(rs) < 2 {
		return false
	}
	p := rs[len(rs)-2]
	_, u := zhUnits[p]
	_, b := zhBig[p]
	return u || b
}

// number reads a figure at i and what follows it: 万/亿 scaling, %, 年月日,
// 时分, measure words, units.
func (z *zhReader) number(i int) bool {
	s := z.s
	var nu numeral
	var ok bool
	if r, _ := at(s, i); isDigitRune(r) {
		if rd, ok := isoDateAt(s, i); ok {
			z.out = append(z.out, rd)
			z.i = rd.End
			return true
		}
		if rd, ok := dotDateAt(s, i); ok {
			z.out = append(z.out, rd)
			z.i = rd.End
			return true
		}
		if rd, ok := colonClockAt(s, i); ok {
			z.out = append(z.out, rd)
			z.i = rd.End
			return true
		}
		nu, ok = readArabicAt(s, i)
	} else {
		nu, ok = readZhAt(s, i)
		if ok && !z.acceptZh(i, nu) {
			// Not a number here; skip the whole run so that its tail (万一
			// → 一) is not read on its own.
			z.i = nu.end
			return true
		}
	}
	if !ok {
		return false
	}
	start := i
	j := nu.end
	rd := reading{Value: Value{Kind: Number, Num: nu.num, half: nu.half, Approx: nu.approx}, bare: true, scale: 1}
	if approxBefore(s, start) {
		rd.Approx = true
	}
	// Scaling and "more than": 12万, 1.2万亿, 30多万, 5千万.
	for {
		r, n := at(s, j)
		if b, isBig := zhBig[r]; isBig {
			rd.scale *= b
			j += n
			continue
		}
		if u, isU := zhUnits[r]; isU && !nu.chinese && (r == '百' || r == '千') {
			if r2, _ := at(s, j+n); r == '千' && strings.ContainsRune("米克瓦帕卡", r2) {
				break
			}
			rd.scale *= u
			j += n
			continue
		}
		if r == '多' || r == '余' || r == '餘' || r == '来' || r == '來' {
			// 30多, 30多万, 三十多个; not 多 starting a word before a numeral.
			if r2, _ := at(s, j+n); !zhIsDigit(r2) {
				rd.Approx = true
				j += n
				continue
			}
		}
		break
	}
	if rd.scale != 1 {
		rd.Num *= rd.scale
		rd.half *= rd.scale
		rd.bare = false
	}
	j = z.suffix(&rd, nu, start, j)
	if m, n := at(s, j); rd.Kind == Number && strings.ContainsRune(zhMeasures, m) {
		if a, _ := at(s, j+n); a == '多' || a == '余' || a == '餘' {
			rd.Approx = true // 3年多, 5个多月
		}
	}
	rd.Start, rd.End, rd.Text = start, j, s[start:j]
	z.out = append(z.out, rd)
	z.i = j
	return true
}

// acceptZh decides whether a run of Chinese numerals at i is a number (see
// the package comment: conservative).
func (z *zhReader) acceptZh(i int, nu numeral) bool {
	s := z.s
	first, _ := at(s, i)
	if _, isBig := zhBig[first]; isBig {
		return false // 万一, 亿万
	}
	if u, isU := zhUnits[first]; isU && u != 10 && first != '廿' && first != '卅' {
		return false // 百姓, 千万 (by all means)
	}
	switch before(s, i) {
	case '几', '幾', '数', '數', '若', '多', '上', '成', '好', '百', '千', '万', '亿', '萬', '億', '第':
		return false // 几十, 数百, 上万, 成千: indefinite
	}
	if inSetPhrase(s, i) {
		return false
	}
	next, _ := at(s, nu.end)
	if nu.positional {
		// 二〇二五年, 一九四九年: a year written digit by digit.
		// 一〇〇 with the round zero is a figure; 七零八落 is an idiom.
		return nu.digits == 4 && next == '年' || strings.ContainsAny(s[i:nu.end], "〇○") && nu.digits >= 3
	}
	if !nu.lone {
		// A figure in Chinese numerals is followed by what it counts:
		// 十九大, 二十国, 三十多, 十二万人; not a name (茅十八在).
		return next == '国' || next == '國' || next == '两' || next == '兩' || next == '月' || next == '日' || next == '号' || next == '號' ||
			next == '时' || next == '時' || next == '点' || next == '點' || next == '分' && !strings.HasPrefix(s[nu.end:], "分之") ||
			strings.ContainsRune("多余餘来來几幾%％", next) || zhCounts(s[nu.end:])
	}
	if strings.ContainsRune(zhFinancial, first) {
		return false // 队伍, 登陆: financial numerals are numbers only in runs (壹仟伍佰)
	}
	switch first {
	case '零', '〇', '○':
		return false // 零点 (midnight), 〇 alone
	case '一', '壹':
		return next == '月' // 一月 (January); 一 alone is "a", 统一, 一带一路
	case '两', '兩':
		return strings.ContainsRune(zhMeasures, next) && next != '大' && next != '点'
	}
	if strings.ContainsRune("多余餘来來", next) {
		// 十多个, 十来年: the measure comes after the approximation.
		_, n := at(s, nu.end)
		return zhCounts(s[nu.end+n:])
	}
	return next == '月' || zhCounts(s[nu.end:])
}

// zhCounts reports whether rest starts with a measure word or unit.
func zhCounts(rest string) bool {
	if strings.ContainsRune(zhMeasures, firstRune(rest)) {
		return true
	}
	for _, u := range zhUnitWords {
		if strings.HasPrefix(rest, u.word) {
			return true
		}
	}
	return false
}

// inSetPhrase reports whether byte i of s lies inside one of zhNotNumber.
func inSetPhrase(s string, i int) bool {
	for _, w := range zhNotNumber {
		lo := max(0, i-len(w)+1)
		for lo > 0 && !utf8.RuneStart(s[lo]) {
			lo--
		}
		hi := min(len(s), i+len(w))
		if k := strings.Index(s[lo:hi], w); k >= 0 && lo+k <= i {
			return true
		}
	}
	return false
}

// approxBefore reports an approximating word just before byte i: 近, 约, 逾 …
func approxBefore(s string, i int) bool {
	for _, w := range []string{"近", "约", "大约", "将近", "接近", "约为"} {
		if strings.HasSuffix(s[:i], w) {
			return true
		}
	}
	return false
}

// zhUnitWords are units and currencies after a figure.
var zhUnitWords = []struct{ word, unit string }{
	{"美元", "USD"}, {"港元", "HKD"}, {"港币", "HKD"}, {"港幣", "HKD"}, {"欧元", "EUR"}, {"歐元", "EUR"},
	{"日元", "JPY"}, {"英镑", "GBP"}, {"英鎊", "GBP"}, {"人民币", "CNY"}, {"人民幣", "CNY"}, {"卢布", "RUB"},
	{"元", "CNY"}, {"公里", "km"}, {"千米", "km"}, {"平方公里", "km2"}, {"平方米", "m2"}, {"公斤", "kg"},
	{"千克", "kg"}, {"吨", "t"}, {"噸", "t"}, {"小时", "h"}, {"小時", "h"}, {"分钟", "min"}, {"分鐘", "min"},
	{"公顷", "ha"}, {"亩", "mu"}, {"米", "m"}, {"千瓦", "kW"},
}

// suffix reads what follows a figure (from j) and sets rd's kind; it
// returns the end of the value.
func (z *zhReader) suffix(rd *reading, nu numeral, start, j int) int {
	s := z.s
	rest := s[j:]
	r, n := at(s, j)
	integer := rd.Num == math.Trunc(rd.Num) && !nu.hasDecimal
	switch {
	case r == '%' || r == '％':
		rd.Kind, rd.Unit, rd.bare = Percent, "%", false
		return j + n
	case strings.HasPrefix(rest, "个百分点"), strings.HasPrefix(rest, "個百分點"):
		rd.Kind, rd.Unit, rd.bare = Percent, "pp", false
		return j + len("个百分点")
	case strings.HasPrefix(rest, "百分点"), strings.HasPrefix(rest, "百分點"):
		rd.Kind, rd.Unit, rd.bare = Percent, "pp", false
		return j + len("百分点")
	case r == '厘' && !nu.chinese && rd.scale == 1 && !strings.ContainsRune("米克升", firstRune(s[j+n:])):
		// Hong Kong writes interest rates in 厘: 1.36厘 = 1.36%.
		rd.Kind, rd.Unit, rd.bare = Percent, "%", false
		return j + n
	case strings.HasPrefix(rest, "年代") && rd.scale == 1 && integer && decade(rd.Num) != 0:
		// 90年代, 2020年代: the 1990s, the 2020s.
		rd.Kind, rd.Year, rd.bare = Year, decade(rd.Num), false
		rd.Num = float64(rd.Year)
		return j + len("年代")
	case r == '年' && rd.scale == 1 && integer && !strings.HasPrefix(rest, "年代") && isYearFigure(nu):
		rd.Kind, rd.Year, rd.bare = Year, int(rd.Num), false
		end := j + n
		if m, e, ok := z.monthDay(end); ok {
			rd.Kind, rd.Month, rd.Day = Date, m.Month, m.Day
			return e
		}
		return end
	case r == '月' && rd.scale == 1 && integer && rd.Num >= 1 && rd.Num <= 12 && !rd.Approx:
		rd.Kind, rd.Month, rd.bare = Date, int(rd.Num), false
		end := j + n
		if strings.HasPrefix(s[end:], "份") {
			end += len("份")
		}
		if d, e, ok := z.day(end); ok {
			rd.Day = d
			return e
		}
		return end
	case (r == '日' || r == '号' || r == '號') && rd.scale == 1 && integer && rd.Num >= 1 && rd.Num <= 31 &&
		!strings.HasPrefix(rest, "日元") && !strings.HasPrefix(rest, "日圆") && !nu.lone:
		if r2, _ := at(s, j+n); r != '日' && strings.ContainsRune("线線楼樓馆館院令文", r2) {
			break
		}
		rd.Kind, rd.Day, rd.bare = Date, int(rd.Num), false
		return j + n
	case (r == '时' || r == '時') && rd.scale == 1 && integer && rd.Num <= 24 && (isDigitRune(firstRune(s[start:])) || clockPrefix(s, start) != 0):
		return z.clock(rd, start, j+n)
	case r == '点' && rd.scale == 1 && integer && rd.Num <= 24 && clockPrefix(s, start) != 0:
		return z.clock(rd, start, j+n)
	}
	for _, u := range zhUnitWords {
		if strings.HasPrefix(rest, u.word) {
			rd.Unit = u.unit
			break
		}
	}
	return j
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// decade returns the first year of the decade N年代 names (90 → 1990,
// 2020 → 2020), or 0.
func decade(n float64) int {
	y := int(n)
	switch {
	case y%10 != 0:
		return 0
	case y >= 10 && y <= 90:
		return 1900 + y
	case y >= 1000 && y < 3000:
		return y
	}
	return 0
}

// isYearFigure: a year is four digits from 1000 to 2999, Arabic or written
// digit by digit in Chinese (二〇二五); 5000年 is a duration.
func isYearFigure(nu numeral) bool {
	if nu.chinese && !nu.positional {
		return false
	}
	return nu.digits == 4 && nu.num >= 1000 && nu.num < 3000
}

// monthDay reads M月(D日) at i (after a year).
func (z *zhReader) monthDay(i int) (Value, int, bool) {
	s := z.s
	nu, ok := anyNumeral(s, i)
	if !ok || nu.num < 1 || nu.num > 12 || nu.hasDecimal {
		return Value{}, 0, false
	}
	r, n := at(s, nu.end)
	if r != '月' {
		return Value{}, 0, false
	}
	v := Value{Month: int(nu.num)}
	end := nu.end + n
	if strings.HasPrefix(s[end:], "份") {
		end += len("份")
	}
	if d, e, ok := z.day(end); ok {
		v.Day = d
		end = e
	}
	return v, end, true
}

// day reads D日 or D号 at i (after a month).
func (z *zhReader) day(i int) (int, int, bool) {
	s := z.s
	nu, ok := anyNumeral(s, i)
	if !ok || nu.num < 1 || nu.num > 31 || nu.hasDecimal {
		return 0, 0, false
	}
	r, n := at(s, nu.end)
	if r != '日' && r != '号' && r != '號' {
		return 0, 0, false
	}
	return int(nu.num), nu.end + n, true
}

// anyNumeral reads an Arabic or Chinese figure at i without the
// conservative rules (inside a date every numeral is one).
func anyNumeral(s string, i int) (numeral, bool) {
	r, _ := at(s, i)
	if isDigitRune(r) {
		return readArabicAt(s, i)
	}
	if zhIsDigit(r) || r == '十' || r == '廿' || r == '卅' {
		return readZhAt(s, i)
	}
	return numeral{}, false
}

// clockPrefix returns +12 for 下午/晚上 (PM), -1 for 上午/凌晨 (AM) and 0 when
// none precedes byte i.
func clockPrefix(s string, i int) int {
	head := s[:i]
	for _, w := range []string{"下午", "晚上", "傍晚", "晚", "中午"} {
		if strings.HasSuffix(head, w) {
			return 12
		}
	}
	for _, w := range []string{"上午", "凌晨", "早上", "清晨", "早晨", "早"} {
		if strings.HasSuffix(head, w) {
			return -1
		}
	}
	return 0
}

// clock finishes a time after 时 or 点 at j: optional M分 or 半.
func (z *zhReader) clock(rd *reading, start, j int) int {
	s := z.s
	h := int(rd.Num)
	rd.Kind, rd.bare = Time, false
	switch p := clockPrefix(s, start); {
	case p == 12 && h < 12 && !strings.HasSuffix(s[:start], "中午"):
		h += 12
	case p == 0 && h <= 12:
		rd.Clock12 = true
	}
	rd.Hour = h % 24
	if strings.HasPrefix(s[j:], "半") {
		rd.Minute = 30
		return j + len("半")
	}
	if nu, ok := anyNumeral(s, j); ok && nu.num < 60 && !nu.hasDecimal {
		if r, n := at(s, nu.end); r == '分' {
			rd.Minute = int(nu.num)
			return nu.end + n
		}
	}
	return j
}

// percentWords reads 百分之五, 百分之三点五, 百分之百.
func (z *zhReader) percentWords(i int) bool {
	s := z.s
	j := i + len("百分之")
	nu, ok := anyNumeral(s, j)
	if !ok && strings.HasPrefix(s[j:], "百") {
		nu, ok = numeral{num: 100, end: j + len("百")}, true
	}
	if !ok {
		z.i = j
		return true
	}
	rd := reading{Value: Value{Kind: Percent, Num: nu.num, Unit: "%", half: nu.half}, scale: 1}
	rd.Start, rd.End, rd.Text = i, nu.end, s[i:nu.end]
	z.out = append(z.out, rd)
	z.i = nu.end
	return true
}

// ordinal reads 第二, 第19, 第十四.
func (z *zhReader) ordinal(i int) bool {
	s := z.s
	j := i + len("第")
	nu, ok := anyNumeral(s, j)
	if !ok || nu.hasDecimal {
		return false
	}
	rd := reading{Value: Value{Kind: Ordinal, Num: nu.num}, scale: 1}
	rd.Start, rd.End, rd.Text = i, nu.end, s[i:nu.end]
	z.out = append(z.out, rd)
	z.i = nu.end
	return true
}

var zhWeekdays = map[rune]time.Weekday{
	'一': time.Monday, '二': time.Tuesday, '三': time.Wednesday, '四': time.Thursday,
	'五': time.Friday, '六': time.Saturday, '日': time.Sunday, '天': time.Sunday,
}

// weekday reads 星期二, 礼拜天, 周五 with the day character at j.
func (z *zhReader) weekday(i, j int) bool {
	r, n := at(z.s, j)
	wd, ok := zhWeekdays[r]
	if !ok {
		return false
	}
	// 天 for Sunday only after 星期 or 礼拜 (周天 is not said; 每周天 is not a day).
	if r == '天' && !strings.HasPrefix(z.s[i:], "星期") && !strings.HasPrefix(z.s[i:], "礼拜") {
		return false
	}
	// 周一 but not 周一年 or a numeral run such as 周三十 (a name).
	if next, _ := at(z.s, j+n); isZhNumeral(next) || next == '年' {
		return false
	}
	rd := reading{Value: Value{Kind: Weekday, Weekday: wd}, scale: 1}
	rd.Start, rd.End, rd.Text = i, j+n, z.s[i:j+n]
	z.out = append(z.out, rd)
	z.i = j + n
	return true
}

// zhConnector reports whether text between two figures joins them into a
// range whose unit belongs to both (3至5%, 1—5月, 2021-2025年).
func zhConnector(between string) bool {
	switch strings.TrimSpace(between) {
	case "至", "到", "-", "－", "~", "～", "—", "–", "、", "或", "——":
		return true
	}
	return false
}

// finishRanges gives the first figure of a range the unit of the second
// (see zhConnector, enConnector) and returns the values.
func finishRanges(s string, rs []reading, connector func(string) bool) []Value {
	for k := len(rs) - 2; k >= 0; k-- {
		a, b := &rs[k], rs[k+1]
		if !a.bare || b.bare || a.End > b.Start || !connector(s[a.End:b.Start]) {
			continue
		}
		adopt(a, b)
	}
	out := make([]Value, 0, len(rs))
	for _, r := range rs {
		// A run of 400 digits or 亿亿亿… is an identifier or noise, not a
		// quantity anyone translates.
		if math.IsInf(r.Num, 0) || math.IsNaN(r.Num) || math.Abs(r.Num) > maxNum {
			continue
		}
		out = append(out, r.Value)
	}
	return out
}

// maxNum is the largest figure read (10³⁰, beyond any budget or population).
const maxNum = 1e30

// adopt makes bare figure a take the kind, scale and unit of b.
func adopt(a *reading, b reading) {
	n := a.Num
	switch b.Kind {
	case Percent, Ordinal:
		a.Kind = b.Kind
	case Number:
		a.Num *= b.scale
		a.half *= b.scale
		a.scale = b.scale
	case Year:
		if n == math.Trunc(n) && n >= 1000 && n < 3000 {
			a.Kind, a.Year = Year, int(n)
		}
	case Date:
		if n != math.Trunc(n) {
			return
		}
		switch {
		case b.Day != 0 && n >= 1 && n <= 31:
			a.Kind, a.Year, a.Month, a.Day = Date, b.Year, b.Month, int(n)
		case b.Day == 0 && b.Month != 0 && n >= 1 && n <= 12:
			a.Kind, a.Year, a.Month = Date, b.Year, int(n)
		default:
			return
		}
	default:
		return
	}
	a.Unit = b.Unit
	a.bare = false
}

// digitsAt reads a run of ASCII or full-width digits at i: value, count, end.
func digitsAt(s string, i int) (int, int, int) {
	v, n := 0, 0
	for i < len(s) && n < 9 {
		r, size := at(s, i)
		d, ok := arabicDigit(r)
		if !ok {
			break
		}
		v, n, i = v*10+d, n+1, i+size
	}
	return v, n, i
}

// isoDateAt reads 2025-06-17 or 2025/06/17 at i.
func isoDateAt(s string, i int) (reading, bool) {
	y, n, j := digitsAt(s, i)
	if n != 4 || j >= len(s) || (s[j] != '-' && s[j] != '/') {
		return reading{}, false
	}
	sep := s[j]
	m, n2, k := digitsAt(s, j+1)
	if n2 < 1 || n2 > 2 || m < 1 || m > 12 || k >= len(s) || s[k] != sep {
		return reading{}, false
	}
	d, n3, end := digitsAt(s, k+1)
	if n3 < 1 || n3 > 2 || d < 1 || d > 31 {
		return reading{}, false
	}
	if r, _ := at(s, end); isDigitRune(r) {
		return reading{}, false
	}
	rd := reading{Value: Value{Kind: Date, Year: y, Month: m, Day: d}, scale: 1}
	rd.Start, rd.End, rd.Text = i, end, s[i:end]
	return rd, true
}

// dotDateAt reads the M·D names of events (3·15 is March 15, 9·11, 7·21).
func dotDateAt(s string, i int) (reading, bool) {
	m, n, j := digitsAt(s, i)
	if n < 1 || n > 2 || m < 1 || m > 12 || isDot(before(s, i)) {
		return reading{}, false
	}
	r, size := at(s, j)
	if !isDot(r) {
		return reading{}, false
	}
	d, n2, end := digitsAt(s, j+size)
	if n2 < 1 || n2 > 2 || d < 1 || d > 31 {
		return reading{}, false
	}
	if r, _ := at(s, end); isDigitRune(r) || isDot(r) {
		return reading{}, false
	}
	rd := reading{Value: Value{Kind: Date, Month: m, Day: d}, scale: 1}
	rd.Start, rd.End, rd.Text = i, end, s[i:end]
	return rd, true
}

func isDot(r rune) bool { return r == '·' || r == '•' || r == '・' }

// colonClockAt reads 05:03, 17:37:29 at i (a 24-hour time).
func colonClockAt(s string, i int) (reading, bool) {
	h, n, j := digitsAt(s, i)
	if n < 1 || n > 2 || h > 24 || j >= len(s) || s[j] != ':' {
		return reading{}, false
	}
	m, n2, end := digitsAt(s, j+1)
	if n2 != 2 || m > 59 {
		return reading{}, false
	}
	if end < len(s) && s[end] == ':' {
		if _, n3, e := digitsAt(s, end+1); n3 == 2 {
			end = e
		}
	}
	rd := reading{Value: Value{Kind: Time, Hour: h % 24, Minute: m}, scale: 1}
	if h <= 12 && n == 1 {
		rd.Clock12 = true
	}
	rd.Start, rd.End, rd.Text = i, end, s[i:end]
	return rd, true
}
