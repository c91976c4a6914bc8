package corpus

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are inputs every fuzz target starts from: the seed articles, the
// golden reader inputs and some hard cases.
func fuzzSeeds(f *testing.F) [][]byte {
	seeds := [][]byte{
		[]byte("他说：“我要回家。”然后走了。增长3.5%！《你好吗？》"),
		[]byte("Mr. Smith went to the U.S. He arrived at 5 p.m. (Xinhua/Li Tao)"),
		[]byte("<p>a &amp; b<br>c</p><figure><img alt=\"图片说明文字很长的一段\"><figcaption>x</figcaption></figure>"),
		[]byte("---\ntitle: x\n---\n# T\n\n- a\n- b\n\n<div>c</div>\n"),
		[]byte("\xEF\xBB\xBFa\r\n\r\nb"),
		{0xFF, 0xFE, 'a', 0, '.', 0},
		[]byte("发布时间:2025 | 来源:新华网 | 责任编辑:曹川川当地时间。新华社记者 李涛 摄"),
	}
	for _, name := range []string{"000_bc30676eec7b3701.txt", "001_ac1a7e75099f8e09.txt"} {
		if data, err := os.ReadFile(filepath.Join(testdataDir, name)); err == nil {
			seeds = append(seeds, data)
		}
	}
	paths, _ := filepath.Glob(filepath.Join(testdataDir, "read", "*.txtar"))
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			a := parseArchive(string(data))
			if in, ok := a.file("input"); ok {
				seeds = append(seeds, []byte(in))
			}
		}
	}
	return seeds
}

func FuzzSplitChinese(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(string(s))
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSpans(t, s, SplitChinese(s))
	})
}

func FuzzSplitEnglish(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(string(s))
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSpans(t, s, SplitEnglish(s))
	})
}

func FuzzDecode(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, "")
	}
	f.Add([]byte("caf\xe9"), "")
	f.Add([]byte("\xbe\xad\xbc\xc3"), "gbk")
	f.Add([]byte("\xa4\xa4"), "big5")
	f.Fuzz(func(t *testing.T, data []byte, enc string) {
		text, err := Decode(data, "fuzz", enc)
		if err != nil {
			checkError(t, err)
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("Decode returned invalid UTF-8 %q", text)
		}
		if enc == "" && utf8.Valid(data) && !bytes.HasPrefix(data, bomUTF8) && text != string(data) {
			t.Fatalf("valid UTF-8 changed by decoding: %q -> %q", data, text)
		}
		if strings.ContainsRune(text, utf8.RuneError) && !bytes.Contains(data, []byte("\uFFFD")) &&
			!bytes.HasPrefix(data, bomUTF16LE) && !bytes.HasPrefix(data, bomUTF16BE) && !strings.HasPrefix(strings.ToLower(enc), "utf-16") {
			t.Fatalf("Decode inserted U+FFFD: %q -> %q", data, text)
		}
	})
}

// checkError verifies that a reader error is a one-line *ParseError.
func checkError(t *testing.T, err error) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) is not a *ParseError", err, err)
	}
	if strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), pe.File) {
		t.Fatalf("error %q is not one line starting with the file name", err)
	}
}

// FuzzRead reads any input in any format (the second argument picks one).
func FuzzRead(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		for i := range Formats {
			f.Add(s, uint8(i))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		checkRead(t, data, Formats[int(format)%len(Formats)])
	})
}

// One target per reader, so that each can be fuzzed on its own.
func FuzzReadText(f *testing.F)      { fuzzReader(f, FormatText) }
func FuzzReadLines(f *testing.F)     { fuzzReader(f, FormatLines) }
func FuzzReadHTML(f *testing.F)      { fuzzReader(f, FormatHTML) }
func FuzzReadMarkdown(f *testing.F)  { fuzzReader(f, FormatMarkdown) }
func FuzzReadBilingual(f *testing.F) { fuzzReader(f, FormatBilingual) }

func fuzzReader(f *testing.F, fm Format) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, data, fm) })
}

// checkRead reads data in format fm and checks the documents or the error.
func checkRead(t *testing.T, data []byte, fm Format) {
	t.Helper()
	docs, err := ReadDocuments(bytes.NewReader(data), "fuzz", ReadOptions{Format: fm})
	if err != nil {
		checkError(t, err)
		return
	}
	decoded, err := Decode(data, "fuzz", "")
	if err != nil {
		t.Fatalf("read but does not decode: %v", err)
	}
	if fm == FormatBilingual && len(docs) != 2 {
		t.Fatalf("bilingual input gave %d documents", len(docs))
	}
	for _, d := range docs {
		checkDocument(t, decoded, d, fm)
	}
}

// checkDocument verifies a document's sentences against the decoded input:
// spans in bounds, paragraphs in order, and for text and lines input Text
// equal to its span and spans in order. (HTML and Markdown sentences are
// text extracted from markup: their spans cover the markup they came from.)
func checkDocument(t *testing.T, decoded string, d *Document, fm Format) {
	t.Helper()
	verbatim := fm == FormatText || fm == FormatLines ||
		(fm == FormatAuto || fm == FormatBilingual) && DetectFormat("fuzz", decoded) != FormatHTML && DetectFormat("fuzz", decoded) != FormatMarkdown
	prevEnd, prevPara := 0, 0
	for i, s := range d.Sentences {
		if s.Start < 0 || s.End < s.Start || s.End > len(decoded) {
			t.Fatalf("sentence %d span [%d:%d] out of bounds (len %d)", i, s.Start, s.End, len(decoded))
		}
		if s.Para < prevPara {
			t.Fatalf("sentence %d paragraph %d after %d", i, s.Para, prevPara)
		}
		if s.Text == "" && fm != FormatLines {
			t.Fatalf("sentence %d is empty", i)
		}
		if s.Lang != Chinese && s.Lang != English {
			t.Fatalf("sentence %d language %q", i, s.Lang)
		}
		if verbatim {
			if s.Text != decoded[s.Start:s.End] {
				t.Fatalf("sentence %d Text %q != input[%d:%d] %q", i, s.Text, s.Start, s.End, decoded[s.Start:s.End])
			}
			if s.Start < prevEnd && fm != FormatBilingual && len(d.Sentences) > 0 {
				t.Fatalf("sentence %d starts at %d before the previous end %d", i, s.Start, prevEnd)
			}
		}
		prevEnd, prevPara = s.End, s.Para
	}
}
