package norm

import (
	"fmt"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"plain ASCII", "plain ASCII"},
		{"中文不变。", "中文不变。"},
		{"ＡＢＣ１２３", "ABC123"},
		{"“三股势力”", `"三股势力"`},
		{"「一带一路」『倡议』", `"一带一路""倡议"`},
		{"China’s", "China's"},
		{"2020–2025", "2020-2025"},
		{"a — b", "a - b"},
		{"ｶﾀｶﾅ", "カタカナ"},
		{"，：；（）", ",:;()"},
		{"\u00a0x", " x"},
		{"ﬁ", "fi"},
		{"e\u0301", "é"},
	}
	checkStrings(t, "Fold", Fold, tests)
	checkStrings(t, "Fold∘Fold", func(s string) string { return Fold(Fold(s)) }, tests)
}

func TestFoldNoAlloc(t *testing.T) {
	for _, s := range []string{"Already folded text, with \"quotes\" - and dashes.", "已经规范的中文。"} {
		if n := testing.AllocsPerRun(100, func() { _ = Fold(s) }); n != 0 {
			t.Errorf("Fold(%q) allocates %v times, want 0", s, n)
		}
	}
}

func TestSimplify(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"香港金融管理局", "香港金融管理局"},
		{"億港元", "亿港元"},
		{"經濟發展", "经济发展"},
		{"already simplified 经济", "already simplified 经济"},
	}
	checkStrings(t, "Simplify", Simplify, tests)
}

// checkStrings runs a table of string functions cases.
func checkStrings(t *testing.T, name string, f func(string) string, tests []struct{ in, want string }) {
	t.Helper()
	for _, tt := range tests {
		if got := f(tt.in); got != tt.want {
			t.Errorf("%s(%q) = %q, want %q", name, tt.in, got, tt.want)
		}
	}
}

func TestEnglishTokens(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"The U.S. and China's deal.", "The|U.S.|and|China's|deal"},
		{"1,200.5 tons, 3.5 percent", "1,200.5|tons|3.5|percent"},
		{"Belt-and-Road COVID-19 30-year-old G20 5G", "Belt-and-Road|COVID-19|30-year-old|G20|5G"},
		{"countries' leaders", "countries'|leaders"},
		{"don't stop", "don't|stop"},
		{"China’s", "China’s"},
		{"e.g. this", "e.g.|this"},
		{"HK$68.1 billion (6%)", "HK|68.1|billion|6"},
		{"end. Next", "end|Next"},
		{"a - b", "a|b"},
		{"well-", "well"},
		{"中文 mixed 文本", "mixed"},
		{"café naïve", "café|naïve"},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range EnglishTokens(tt.in) {
			if tt.in[tok.Start:tok.End] != tok.Text {
				t.Errorf("%q: span %d:%d ≠ %q", tt.in, tok.Start, tok.End, tok.Text)
			}
			got = append(got, tok.Text)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("EnglishTokens(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

// TestTermKeySame lists renderings a reviewer accepts as the same term.
func TestTermKeySame(t *testing.T) {
	t.Parallel()
	groups := [][]string{
		{"Belt and Road Initiative", "the Belt and Road Initiative", "Belt & Road Initiative", "Belt-and-Road initiative", "Belt–and–Road Initiative's", "BELT AND ROAD INITIATIVES"},
		{"Shanghai Cooperation Organization", "Shanghai Cooperation Organisation", "the Shanghai Cooperation Organization's", "Shanghai Co-operation Organisations"},
		{"policy", "policies", "Policy's"},
		{"country", "countries", "countries'"},
		{"develop", "develops", "developed", "developing"},
		{"stop", "stopped", "stopping", "stops"},
		{"hope", "hoped", "hoping", "hopes"},
		{"program", "programme", "programmes", "programs"},
		{"center", "centre", "centres", "centers"},
		{"theater", "theatre"},
		{"kilometer", "kilometre", "kilometres"},
		{"color", "colour", "colours"},
		{"honorable", "honourable"},
		{"favorite", "favourite"},
		{"neighborhood", "neighbourhood"},
		{"labor", "labour"},
		{"organize", "organise", "organised", "organising", "organizes"},
		{"organization", "organisation", "organisations"},
		{"modernization", "modernisation"},
		{"analyze", "analyse", "analysed", "analyzing"},
		{"defense", "defence"},
		{"license", "licence"},
		{"catalog", "catalogue"},
		{"traveled", "travelled", "travel", "travelling"},
		{"traveler", "traveller"},
		{"labeled", "labelled"},
		{"jewelry", "jewellery"},
		{"fulfillment", "fulfilment"},
		{"gray", "grey"},
		{"cooperation", "co-operation"},
		{"e-commerce", "ecommerce", "E-Commerce"},
		{"crisis", "crises"},
		{"U.S.", "US"},
		{"win-win cooperation", "win-win co-operation", "win win cooperation"},
		{"community with a shared future", "communities with a shared future"},
		{"Xi Jinping", "Xi Jinping's"},
		{"Ｆｕｌｌ width", "full width"},
		{"1,200 tons", "1200 tons"},
		{"Forum on China-Africa Cooperation", "FORUM ON CHINA-AFRICA COOPERATION"},
		{"university", "universities"},
		{"building", "buildings", "build", "builds", "building's"},
		{"meeting", "meetings"},
		{"add", "added", "adding", "adds"},
		{"staff", "staffing", "staffs", "staffed"},
		{"bureau", "bureaus"},
		{"SME", "SMEs", "SME's"},
		{"NGO", "NGOs"},
		{"do", "does"},
		{"tariff", "tariffs"},
		{"a global development initiative", "Global Development Initiative"},
		{"practice", "practise", "practised"},
		{"behavioral", "behavioural"},
		{"flavorings", "flavourings"},
		{"savory", "savoury"},
		{"inquiry", "enquiry"},
		{"toward", "towards"},
		{"paralyze", "paralyse", "paralysed"},
		{"modeling", "modelling"},
		{"cancelled", "canceled"},
		{"programmes", "program"},
		{"the 2022 Winter Olympics", "2022 Winter Olympic"},
		// Plurals the stemmer leaves apart from their singular.
		{"leaf", "leaves"},
		{"maternity leave", "maternity leaves"},
		{"wolf", "wolves"},
		{"knife", "knives"},
		{"half", "halves"},
		{"life", "lives"},
		{"analysis", "analyses", "analyse"},
		{"index", "indices", "indexes"},
		{"appendix", "appendices"},
		{"price index", "price indices"},
		{"crisis", "crises"},
		{"bus", "buses"},
		{"gas", "gases"},
		{"stimulus", "stimuli"},
		{"curriculum", "curricula"},
		{"policy", "policies"},
	}
	for _, g := range groups {
		want := TermKey(g[0])
		for _, s := range g[1:] {
			if got := TermKey(s); got != want {
				t.Errorf("TermKey(%q) = %q, TermKey(%q) = %q: want equal", s, got, g[0], want)
			}
		}
	}
}

// TestTermKeyDiffer lists pairs that must stay apart.
func TestTermKeyDiffer(t *testing.T) {
	t.Parallel()
	pairs := [][2]string{
		{"east", "Easter"},
		{"base", "basis"},
		{"axe", "axis"},
		{"leaf", "leaflet"},
		{"index", "indicate"},
		{"bus", "business"},
		{"gas", "gaseous"},
		{"life", "lift"},
		{"organ", "organization"},
		{"organ", "organize"},
		{"universe", "university"},
		{"nation", "national"},
		{"general", "generalize"},
		{"us", "U.S."},
		{"us", "US"},
		{"who", "WHO"},
		{"unit", "united"},
		{"develop", "development"},
		{"relate", "relations"},
		{"economy", "economic"},
		{"police", "policy"},
		{"communist", "community"},
		{"exercise", "exercize"},
		{"tour", "tor"},
		{"hour", "hor"},
		{"resources", "resorces"},
		{"news", "new"},
		{"Belt and Road", "Road and Belt"},
		{"One Belt One Road", "Belt and Road"},
		{"a", "the"},
		{"R&D", "R and D"},
		{"A-shares", "shares"},
		{"add", "ad"},
		{"quit", "quite"},
		{"staff", "staf"},
		{"lengthwise", "lengthwize"},
		{"hour", "hor"},
		{"four", "for"},
		{"contour", "contor"},
		{"Missouri", "Missori"},
		{"journal", "jornal"},
		{"courtesy", "cortesy"},
	}
	for _, p := range pairs {
		if a, b := TermKey(p[0]), TermKey(p[1]); a == b {
			t.Errorf("TermKey(%q) = TermKey(%q) = %q: want different", p[0], p[1], a)
		}
	}
}

func TestTermKey(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"the Belt and Road Initiative", "belt and road initiativ"},
		{"U.S.", "us."},
		{"The", "the"},
		{"COVID-19", "covid 19"},
		{"", ""},
		{"  ", ""},
		{"中文", ""},
	}
	checkStrings(t, "TermKey", TermKey, tests)
}

func TestWordsMatchTermKey(t *testing.T) {
	t.Parallel()
	text := "Leaders praised the Belt-and-Road Initiative's progress in 2025."
	term := TermKey("Belt and Road initiative")
	words := Words(text)
	keys := WordKeys(text)
	found := false
	for i := range keys {
		for j := i + 1; j <= len(keys); j++ {
			if strings.Join(keys[i:j], " ") == term {
				found = true
				if got := text[words[i].Start:words[j-1].End]; got != "Belt-and-Road Initiative's" {
					t.Errorf("match spans %q", got)
				}
			}
		}
	}
	if !found {
		t.Errorf("term key %q not found in %q", term, keys)
	}
}

func ExampleTermKey() {
	fmt.Println(TermKey("the Shanghai Co-operation Organisation's"))
	fmt.Println(TermKey("Shanghai Cooperation Organizations"))
	// Output:
	// shanghai cooperation organization
	// shanghai cooperation organization
}

func ExampleFold() {
	fmt.Println(Fold("「一带一路」 ＣＯＶＩＤ－１９"))
	// Output: "一带一路" COVID-19
}

func BenchmarkFold(b *testing.B) {
	cases := []struct{ name, s string }{
		{"unchanged", strings.Repeat("双方要发挥好中国-中亚机制作用 and the Belt and Road Initiative. ", 20)},
		{"changed", strings.Repeat("双方要发挥好“中国－中亚”机制作用，ＡＢＣ１２３ and the Belt–and–Road Initiative’s. ", 20)},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.s)))
			for b.Loop() {
				_ = Fold(c.s)
			}
		})
	}
}

func BenchmarkTermKey(b *testing.B) {
	s := "the Shanghai Co-operation Organisation's programmes for travelling centres"
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = TermKey(s)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"「一带一路」", "ＡＢＣ", "e\u0301", "China’s — 2020–2025", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := Fold(s)
		if twice := Fold(once); twice != once {
			t.Fatalf("Fold(%q) = %q, Fold of that = %q", s, once, twice)
		}
	})
}

func FuzzTermKey(f *testing.F) {
	for _, s := range []string{"the Belt-and-Road Initiative's", "U.S.", "co-e-re-", "1,200.5", "countries'", "-'-'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, w := range Words(s) {
			if w.Start < prev || w.End < w.Start || w.End > len(s) || w.Key == "" {
				t.Fatalf("%q: bad word %+v", s, w)
			}
			prev = w.End
		}
		k := TermKey(s)
		if strings.Contains(k, "  ") || strings.HasPrefix(k, " ") {
			t.Fatalf("TermKey(%q) = %q", s, k)
		}
	})
}

func BenchmarkWords(b *testing.B) {
	s := strings.Repeat("Chinese President Xi Jinping on Tuesday called on the two countries to deepen Belt and Road cooperation, expand trade in new energy and strengthen people-to-people exchanges. ", 5)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = Words(s)
	}
}

func ExampleWordKeys() {
	fmt.Println(WordKeys("The programmes' centres travelled to the U.S."))
	// Output: [the program center travel to the us.]
}

func FuzzEnglishTokens(f *testing.F) {
	for _, s := range []string{"The U.S. and China's 1,200.5-ton deal.", "countries' e.g. a.m.", "–-’'", "G20 COVID-19 30-year-old"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, tok := range EnglishTokens(s) {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) || s[tok.Start:tok.End] != tok.Text {
				t.Fatalf("%q: bad token %+v after %d", s, tok, prev)
			}
			prev = tok.End
		}
	})
}
