package corpus

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// benchParagraphs returns the seed article's paragraphs in one language,
// repeated to about 1 MB of text.
func benchParagraphs(b *testing.B, lang Lang) []string {
	b.Helper()
	zh, en, err := ReadBilingual(strings.NewReader(seedText(b)), "seed", ReadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	doc := zh
	if lang == English {
		doc = en
	}
	var paras []string
	para, cur := -1, []string(nil)
	for _, s := range doc.Sentences {
		if s.Para != para && cur != nil {
			paras = append(paras, strings.Join(cur, " "))
			cur = nil
		}
		para = s.Para
		cur = append(cur, s.Text)
	}
	paras = append(paras, strings.Join(cur, " "))
	var out []string
	for size := 0; size < 1<<20; {
		for _, p := range paras {
			out = append(out, p)
			size += len(p)
		}
	}
	return out
}

func benchmarkSplit(b *testing.B, lang Lang, split func(string) []Sentence) {
	paras := benchParagraphs(b, lang)
	total := 0
	for _, p := range paras {
		total += len(p)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, p := range paras {
			split(p)
		}
	}
}

func BenchmarkSplitChinese(b *testing.B) { benchmarkSplit(b, Chinese, SplitChinese) }
func BenchmarkSplitEnglish(b *testing.B) { benchmarkSplit(b, English, SplitEnglish) }

// BenchmarkReadHTML reads the Jekyll seed (Markdown with an HTML body).
func BenchmarkReadHTML(b *testing.B) {
	data := []byte(seedHTML(b))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for range b.N {
		if _, err := Read(bytes.NewReader(data), "seed", ReadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeGB18030 measures detection and decoding of legacy input.
func BenchmarkDecodeGB18030(b *testing.B) {
	data, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(strings.Repeat(seedText(b), 20)))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for range b.N {
		if _, err := Decode(data, "seed", ""); err != nil {
			b.Fatal(err)
		}
	}
}

func seedHTML(b *testing.B) string {
	b.Helper()
	data, err := readTestdata("000_bc30676eec7b3701.txt")
	if err != nil {
		b.Fatal(err)
	}
	return data
}
