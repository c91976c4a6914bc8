package segment

import (
	"fmt"
	"runtime"

	"github.com/bitext/bitext/corpus"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestDefault(t *testing.T) {
	t.Parallel()
	seg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	wantWords(t, seg, "双方要发挥好中国－中亚机制作用，加大力度打击“三股势力”。Xi Jinping 出席 APEC 会议",
		"双方", "发挥", "机制", "Xi", "APEC")
	if seg2, _ := Default(); seg2 != seg {
		t.Error("Default built a second segmenter")
	}
}

func TestTraditional(t *testing.T) {
	t.Parallel()
	seg, err := Traditional()
	if err != nil {
		t.Fatal(err)
	}
	wantWords(t, seg, "香港金融管理局的貨幣政策與經濟發展", "貨幣政策", "管理局", "經濟", "發展")
}

// wantWords checks that seg cuts text into words that rebuild it and
// include each of want whole.
func wantWords(t *testing.T, seg corpus.Segmenter, text string, want ...string) {
	t.Helper()
	words := seg.Cut(text)
	if got := strings.Join(words, ""); got != text {
		t.Fatalf("words do not rebuild the text:\n got %q\nwant %q", got, text)
	}
	joined := "|" + strings.Join(words, "|") + "|"
	for _, w := range want {
		if !strings.Contains(joined, "|"+w+"|") {
			t.Errorf("Cut(%q) = %s: want %s whole", text, joined, w)
		}
	}
}

func TestNewUserTerms(t *testing.T) {
	t.Parallel()
	text := "加大力度打击三股势力和人类命运共同体建设"
	base, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains("|"+strings.Join(base.Cut(text), "|")+"|", "|三股势力|") {
		t.Skip("the base dictionary already keeps 三股势力 whole; nothing to test")
	}
	seg, err := New([]string{"三股势力", "人类命运共同体", "", "has space", "三股势力"}, false)
	if err != nil {
		t.Fatal(err)
	}
	s := seg.(*Segmenter)
	if s.Len() <= base.(*Segmenter).Len() {
		t.Errorf("dictionary did not grow: %d ≤ %d", s.Len(), base.(*Segmenter).Len())
	}
	if !s.Has("三股势力") || s.Has("has space") {
		t.Errorf("Has(三股势力) = %v, Has(has space) = %v", s.Has("三股势力"), s.Has("has space"))
	}
	wantWords(t, seg, text, "三股势力", "人类命运共同体")
	// The shared segmenter is not changed by New.
	if base.(*Segmenter).Has("三股势力") {
		t.Error("New changed the shared dictionary")
	}
}

// TestConcurrentCut cuts from many goroutines at once (run with -race).
func TestConcurrentCut(t *testing.T) {
	t.Parallel()
	seg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				seg.Cut("中国和中亚国家在各领域的合作不断深化。")
			}
		}()
	}
	wg.Wait()
}

func TestCutKeepsCase(t *testing.T) {
	t.Parallel()
	seg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(seg.Cut("参加G20峰会的BRICS国家"), ""); got != "参加G20峰会的BRICS国家" {
		t.Errorf("Cut changed the text: %q", got)
	}
}

// BenchmarkLoad measures building a segmenter from gse's embedded
// dictionaries: time and live heap per load.
func BenchmarkLoad(b *testing.B) {
	if testing.Short() {
		b.Skip("loading a dictionary takes seconds")
	}
	for _, dict := range []string{"zh_s", "zh_t"} {
		b.Run(dict, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				start := time.Now()
				s, err := build(dict, nil)
				if err != nil {
					b.Fatal(err)
				}
				elapsed := time.Since(start)
				runtime.GC()
				runtime.ReadMemStats(&after)
				b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB-live")
				b.ReportMetric(elapsed.Seconds(), "s/load")
				runtime.KeepAlive(s)
			}
		})
	}
}

func BenchmarkCut(b *testing.B) {
	seg, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("双方要发挥好中国－中亚机制作用，深化各领域务实合作，加大力度打击“三股势力”、毒品走私和跨国有组织犯罪。", 10)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		seg.Cut(text)
	}
}

func ExampleNew() {
	seg, err := New([]string{"三股势力"}, false)
	if err != nil {
		panic(err)
	}
	fmt.Println(strings.Join(seg.Cut("打击三股势力"), "|"))
	// Output: 打击|三股势力
}
