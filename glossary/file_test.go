package glossary

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
)

func sampleEntries() []Entry {
	return []Entry{
		{
			ZH: "三股势力", EN: "terrorism, separatism and extremism", Comment: "Xinhua usage",
			Status: New, Variants: []Variant{{EN: "three evil forces", Count: 2}, {EN: "three forces (old)", Count: 1}},
			ZHFreq: 7, PairFreq: 5, Consistency: 0.7143, Score: 12.5, FirstSeen: "2025-01-02", LastSeen: "2025-06-19",
			Examples: []Example{
				{Doc: "a.txt", ZH: "打击“三股势力”。", EN: "fight terrorism, separatism and extremism."},
				{Doc: "b.txt", ZH: "三股势力 <危害>", EN: "the \"three forces\" & more"},
			},
		},
		{ZH: "外汇基金", EN: "Exchange Fund", Status: Approved, CaseSensitive: true},
		{ZH: "一带一路", EN: "One Belt One Road", Status: Forbidden, Conflict: "Belt and Road"},
		{ZH: "市场", EN: "market", Status: Rejected},
	}
}

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	want := sampleEntries()
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			if err := Write(&buf, format, want); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "g."+format)
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := ReadFile(path)
			if err != nil {
				t.Fatalf("%v\n%s", err, buf.String())
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round trip through %s:\ngot  %+v\nwant %+v\n%s", format, got, want, buf.String())
			}
			// Sniffing without the extension gives the same.
			got2, err := Read(bytes.NewReader(buf.Bytes()), "stdin")
			if err != nil || !reflect.DeepEqual(got2, want) {
				t.Errorf("sniffed %s: %v", format, err)
			}
		})
	}
}

func TestReadOmegaT(t *testing.T) {
	t.Parallel()
	in := "# my glossary\n外汇基金\tExchange Fund\n\n存款保障计划\tDeposit Protection Scheme\tDPS, since 2006\r\n"
	got, err := Read(strings.NewReader(in), "omegat.utf8")
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{ZH: "外汇基金", EN: "Exchange Fund", Status: Approved},
		{ZH: "存款保障计划", EN: "Deposit Protection Scheme", Comment: "DPS, since 2006", Status: Approved},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestReadCSVHeader(t *testing.T) {
	t.Parallel()
	in := "\uFEFFzh-CN,en-US,Notes\r\n市场,market,\"general, word\"\r\n"
	got, err := Read(strings.NewReader(in), "x.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{{ZH: "市场", EN: "market", Comment: "general, word", Status: Approved}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestReadErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, in string
		line     int
		sentinel error
	}{
		{"one.tsv", "外汇基金\tExchange Fund\n市场\n", 2, corpus.ErrSyntax},
		{"status.tsv", "a\tb\tc\tmaybe\n", 1, corpus.ErrSyntax},
		{"count.tsv", "# source\ttarget\tcomment\tstatus\tvariants\tzh_freq\n外汇基金\tExchange Fund\t\tnew\t\tmany\n", 2, corpus.ErrSyntax},
		{"empty-en.tsv", "a\tb\n外汇基金\t \n", 2, corpus.ErrSyntax},
		{"empty.tsv", "\n\n", 0, corpus.ErrEmpty},
		{"only-comments.tsv", "# nothing\n", 0, corpus.ErrEmpty},
		{"bad.csv", "zh-CN,en-US\n\"市场,market\n", 2, corpus.ErrSyntax},
		{"bad.json", "[\n{\"zh\": \"a\", \"en\": \"b\"},\n{\"zh\": 3}\n]", 3, corpus.ErrSyntax},
		{"noen.json", "[\n{\"zh\": \"a\", \"en\": \"b\"},\n  {\"zh\": \"c\"}\n]", 3, corpus.ErrSyntax},
		{"bad.tbx", "<martif>\n<text><body>\n<termEntry><langSet xml:lang=\"zh\"><tig><term>a</term></tig></langSet></termEntry>\n</body></text></martif>", 3, corpus.ErrSyntax},
		{"broken.tbx", "<martif>\n<text>\n</body>", 3, corpus.ErrSyntax},
		{"tmx.tbx", "<tmx version=\"1.4\"></tmx>", 1, corpus.ErrSyntax},
		{"binary.tsv", "a\x00b", 0, corpus.ErrBinary},
		{"swapped.tsv", "# comment\n外汇基金\tExchange Fund\nBelt\t一带一路\n", 3, corpus.ErrSyntax},
	} {
		_, err := readBytes([]byte(tc.in), tc.name, FormatOf(tc.name))
		var pe *corpus.ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%s: error %v, want a *corpus.ParseError", tc.name, err)
			continue
		}
		if pe.File != tc.name || pe.Line != tc.line || !errors.Is(err, tc.sentinel) {
			t.Errorf("%s: got %v (line %d), want line %d wrapping %v", tc.name, err, pe.Line, tc.line, tc.sentinel)
		}
	}
	if _, err := ReadFile(filepath.Join(t.TempDir(), "missing.tsv")); err == nil || !strings.Contains(err.Error(), "missing.tsv") {
		t.Errorf("missing file: %v", err)
	}
}

// TestTBXTranslateToolkit checks that translate-toolkit's TBX reader reads
// what we write.
func TestTBXTranslateToolkit(t *testing.T) {
	t.Parallel()
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import translate.storage.tbx").Run(); err != nil {
		t.Skip("translate-toolkit not installed")
	}
	var buf bytes.Buffer
	if err := Write(&buf, FormatTBX, sampleEntries()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "g.tbx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `import sys
from translate.storage import tbx
s = tbx.tbxfile.parsefile(sys.argv[1])
for u in s.units:
    print(u.source + "\t" + u.target)
`
	out, err := exec.Command(py, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("translate-toolkit: %v\n%s", err, out)
	}
	var want strings.Builder
	for _, e := range sampleEntries() {
		want.WriteString(e.ZH + "\t" + e.EN + "\n")
	}
	if string(out) != want.String() {
		t.Errorf("translate-toolkit read\n%s\nwant\n%s", out, want.String())
	}
}

func FuzzRead(f *testing.F) {
	for _, format := range Formats {
		var buf bytes.Buffer
		if err := Write(&buf, format, sampleEntries()); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	f.Add([]byte("外汇基金\tExchange Fund\n"))
	f.Add([]byte("zh-CN,en-US\n市场,market\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := Read(bytes.NewReader(data), "fuzz")
		if err != nil {
			var pe *corpus.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *corpus.ParseError", err)
			}
			return
		}
		for _, e := range entries {
			if e.ZH == "" || e.EN == "" || e.Status == "" {
				t.Fatalf("entry %+v lacks a term or status", e)
			}
		}
		// What was read writes and reads back to the same entries (TSV
		// cells cannot hold tabs and newlines, so use JSON).
		var buf bytes.Buffer
		if err := Write(&buf, FormatJSON, entries); err != nil {
			t.Fatal(err)
		}
		again, err := Read(&buf, "again")
		if err != nil {
			t.Fatalf("rereading: %v", err)
		}
		if !reflect.DeepEqual(again, entries) {
			t.Fatalf("reread %+v\nwant %+v", again, entries)
		}
	})
}
