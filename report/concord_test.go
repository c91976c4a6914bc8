package report

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/corpus/norm"
)

// concordPairs is a small corpus in which 三股势力 is mostly rendered
// "terrorism, separatism and extremism", twice "three evil forces", and
// "separatism" and 势力 also occur without the term.
var concordPairs = []Pair{
	{ZH: "双方要加大力度打击“三股势力”。", EN: "The two sides should step up efforts to combat terrorism, separatism and extremism."},
	{ZH: "上合组织成员国将共同打击三股势力。", EN: "SCO member states will jointly fight terrorism, separatism and extremism."},
	{ZH: "中方坚定支持哈方打击三股势力，维护国家安全。", EN: "China firmly supports Kazakhstan in cracking down on terrorism, separatism and extremism and safeguarding national security."},
	{ZH: "各方同意深化合作，打击三股势力和跨国犯罪。", EN: "All parties agreed to deepen cooperation against terrorism, separatism and extremism and transnational crime."},
	{ZH: "会议强调，三股势力是地区安全的主要威胁。", EN: "The meeting stressed that the three evil forces are the main threat to regional security."},
	{ZH: "双方将联合打击三股势力。", EN: "The two sides will jointly combat the three evil forces."},
	{ZH: "中方反对一切形式的分裂主义。", EN: "China opposes separatism in all its forms."},
	{ZH: "分裂势力的图谋不会得逞。", EN: "The schemes of separatism will not succeed."},
	{ZH: "极端主义威胁地区稳定。", EN: "Extremism threatens regional stability."},
	{ZH: "双方同意加强执法安全合作。", EN: "The two sides agreed to strengthen cooperation on law enforcement and security."},
	{ZH: "中国愿同各国共同维护地区和平。", EN: "China is willing to work with all countries to safeguard regional peace."},
	{ZH: "两国元首共同见证签署合作文件。", EN: "The two heads of state witnessed the signing of cooperation documents."},
}

func TestConcord(t *testing.T) {
	t.Parallel()
	c := Concord(concordPairs, "三股势力", ConcordOptions{})
	if got, want := c.Summary(), "三股势力: terrorism, separatism and extremism (4), three evil forces (2)"; got != want {
		t.Errorf("summary\n got %s\nwant %s", got, want)
	}
	if c.Side != corpus.Chinese || len(c.Hits) != 6 || c.Searched != len(concordPairs) {
		t.Fatalf("side %s, %d hits of %d searched", c.Side, len(c.Hits), c.Searched)
	}
	h := c.Hits[0]
	p := concordPairs[h.Pair]
	if len(h.TermSpans) != 1 || p.ZH[h.TermSpans[0].Start:h.TermSpans[0].End] != "三股势力" {
		t.Errorf("term spans %v", h.TermSpans)
	}
	if len(h.RendSpans) != 1 || p.EN[h.RendSpans[0].Start:h.RendSpans[0].End] != "terrorism, separatism and extremism" {
		t.Errorf("rendering spans %v", h.RendSpans)
	}

	// Traditional text found by a Simplified query.
	trad := []Pair{{ZH: "打擊三股勢力", EN: "combat terrorism, separatism and extremism"}}
	if c := Concord(trad, "三股势力", ConcordOptions{}); len(c.Hits) != 1 {
		t.Errorf("Traditional text: %d hits", len(c.Hits))
	}

	// English query: the Chinese rendering.
	c = Concord(concordPairs, "three evil forces", ConcordOptions{})
	if got, want := c.Summary(), "three evil forces: 三股势力 (2)"; c.Side != corpus.English || got != want {
		t.Errorf("English query: side %s, %s", c.Side, c.Summary())
	}

	// Not found.
	if c := Concord(concordPairs, "一带一路", ConcordOptions{}); len(c.Hits) != 0 || c.Summary() != "一带一路: not found" {
		t.Errorf("absent term: %s", c.Summary())
	}
}

// TestConcordRepeatedContextWord: a word of the rendering that the context
// also explains still belongs to the rendering when the English has it
// twice (返乡农民工 … 乡村振兴: "returning rural migrant workers … rural
// revitalization").
func TestConcordRepeatedContextWord(t *testing.T) {
	t.Parallel()
	pairs := []Pair{
		{ZH: "返乡农民工成为乡村振兴的新力量。", EN: "Returning rural migrant workers become a new force for rural revitalization."},
		{ZH: "鼓励返乡农民工投身乡村振兴。", EN: "Returning rural migrant workers are encouraged to join rural revitalization."},
		{ZH: "乡村振兴离不开人才。", EN: "Rural revitalization needs talent."},
		{ZH: "全面推进乡村振兴。", EN: "Rural revitalization will be advanced in all respects."},
		{ZH: "该县把乡村振兴作为重点。", EN: "The county makes rural revitalization its focus."},
		{ZH: "农民工返乡创业。", EN: "Rural migrant workers return home to start businesses."},
	}
	if got, want := Concord(pairs, "乡村振兴", ConcordOptions{}).Summary(), "乡村振兴: rural revitalization (5)"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// hkmaPairs reads the HKMA annual report's paragraph pairs and gold list,
// or skips.
func hkmaPairs(t testing.TB) ([]Pair, map[string][]string) {
	const path = "../../shared/eval/terms-dev/hkma-2016.jsonl"
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("HKMA set not available: %v", err)
	}
	defer f.Close()
	var pairs []Pair
	var gold map[string][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for n := 1; sc.Scan(); n++ {
		var ch struct {
			ZH, EN string
			Proper map[string][]string
		}
		if err := json.Unmarshal(sc.Bytes(), &ch); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		gold = ch.Proper
		zh, en := strings.Split(ch.ZH, "\n\n"), strings.Split(ch.EN, "\n\n")
		if len(zh) != len(en) {
			t.Fatalf("%s:%d: %d Chinese and %d English paragraphs", path, n, len(zh), len(en))
		}
		for i := range zh {
			pairs = append(pairs, Pair{ZH: zh[i], EN: en[i]})
		}
	}
	return pairs, gold
}

// TestConcordHKMA: for the 10 most frequent attested gold terms of the HKMA
// report (by the number of paragraphs whose Chinese holds the term; a pair
// is attested when some paragraph holds the term and a gold rendering), the
// gold rendering is the largest group for at least 8.
func TestConcordHKMA(t *testing.T) {
	pairs, gold := hkmaPairs(t)
	type term struct {
		zh    string
		freq  int
		terms []string
	}
	var terms []term
	for zh, ens := range gold {
		freq, attested := 0, false
		keys := goldKeys(ens)
		for _, p := range pairs {
			if !strings.Contains(p.ZH, zh) {
				continue
			}
			freq++
			if !attested {
				attested = containsAnyKey(p.EN, keys)
			}
		}
		if attested {
			terms = append(terms, term{zh, freq, ens})
		}
	}
	slices.SortFunc(terms, func(a, b term) int {
		if a.freq != b.freq {
			return b.freq - a.freq
		}
		return strings.Compare(a.zh, b.zh)
	})
	right := 0
	for _, tm := range terms[:10] {
		c := Concord(pairs, tm.zh, ConcordOptions{})
		ok := len(c.Groups) > 0 && slices.Contains(goldKeys(tm.terms), c.Groups[largest(c.Groups)].Key)
		if ok {
			right++
		}
		t.Logf("%-5v %s (%d paragraphs; gold %q) → %s", ok, tm.zh, tm.freq, tm.terms, c.Summary())
	}
	t.Logf("gold rendering is the largest group for %d of 10", right)
	if right < 8 {
		t.Errorf("gold rendering is the largest group for %d of 10 terms, want at least 8", right)
	}
}

// largest is the index of the largest group with a rendering.
func largest(gs []Group) int {
	best := 0
	for i, g := range gs {
		if g.Key != "" && (gs[best].Key == "" || g.Count > gs[best].Count) {
			best = i
		}
	}
	return best
}

func goldKeys(ens []string) []string {
	var keys []string
	for _, e := range ens {
		keys = append(keys, norm.TermKey(e))
	}
	return keys
}

func containsAnyKey(text string, keys []string) bool {
	padded := " " + strings.Join(norm.WordKeys(text), " ") + " "
	for _, k := range keys {
		if k != "" && strings.Contains(padded, " "+k+" ") {
			return true
		}
	}
	return false
}

func BenchmarkConcordHKMA(b *testing.B) {
	pairs, _ := hkmaPairs(b)
	b.ReportAllocs()
	for b.Loop() {
		Concord(pairs, "金管局", ConcordOptions{})
	}
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata/report")

// TestConcordGolden compares the concordance of every house term of the
// test corpus with testdata/report/concord.golden (-update rewrites it).
func TestConcordGolden(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for _, term := range []string{"三股势力", "三股勢力", "separatism", "three evil forces", "打击", "不存在"} {
		c := Concord(concordPairs, term, ConcordOptions{})
		fmt.Fprintf(&b, "%s\n", c.Summary())
		for _, h := range c.Hits {
			fmt.Fprintf(&b, "  pair %d group %d term %v rendering %v\n", h.Pair, h.Group, h.TermSpans, h.RendSpans)
		}
	}
	const path = "../testdata/report/concord.golden"
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("concordance differs from %s (run with -update to accept):\n got:\n%s\nwant:\n%s", path, got, want)
	}
}
