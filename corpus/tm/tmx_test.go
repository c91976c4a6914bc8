package tm

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/unicode"

	"github.com/bitext/bitext/corpus"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

const testdata = "../../testdata/tm"

// sampleUnits exercise escaping, whitespace and metadata.
func sampleUnits() []Unit {
	return []Unit{
		{ID: "001-1", ZH: "新华社北京6月19日电", EN: "BEIJING, June 19 (Xinhua) --", Doc: "001", Bead: "1-1", Confidence: 0.98765, HasConfidence: true},
		{ID: "001-2", ZH: "规模<100亿&增长>5%", EN: `"R&D" <b>spending</b> ]]> rose`, Doc: "001", Bead: "1-2", Confidence: 0.5, HasConfidence: true},
		{ZH: "  前后空格\t制表 ", EN: "line one\nline two\r\nCRLF", Props: []Prop{{"x-bitext-date", "2025-06-19"}, {"note", `a "quoted" & <tagged> value`}}},
		{ZH: "控制\x01字符\x7f", EN: "bell\x07 and \uFFFE and bad \xff byte"},
	}
}

func writeTMX(t testing.TB, h Header, units []Unit) ([]byte, int) {
	t.Helper()
	var buf bytes.Buffer
	w := NewTMXWriter(&buf, h)
	for _, u := range units {
		if err := w.Write(u); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), w.Dropped()
}

func readAll(t testing.TB, r UnitReader) []Unit {
	t.Helper()
	var units []Unit
	for r.Scan() {
		units = append(units, r.Unit())
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	return units
}

// golden compares got with the file testdata/tm/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(testdata, name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestTMXWriterGolden(t *testing.T) {
	t.Parallel()
	h := Header{CreationToolVersion: "1.2.3", CreationDate: time.Date(2025, 6, 19, 8, 0, 0, 0, time.UTC)}
	got, dropped := writeTMX(t, h, sampleUnits())
	if dropped != 4 {
		t.Errorf("dropped %d characters, want 4 (\\x01, \\x07, U+FFFE, \\xff; \\x7f is legal XML)", dropped)
	}
	golden(t, "writer.golden.tmx", got)
}

func TestTMXHeaderSource(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		h         Header
		srclang   string
		firstLang string
	}{
		{Header{}, "zh-CN", "zh-CN"},
		{Header{ZHLang: "zh-TW", ENLang: "en-GB"}, "zh-TW", "zh-TW"},
		{Header{ZHLang: "zh-HK", Source: corpus.English}, "en-US", "en-US"},
	} {
		out, _ := writeTMX(t, tc.h, []Unit{{ZH: "中", EN: "middle"}})
		s := string(out)
		if !strings.Contains(s, ` srclang="`+tc.srclang+`"`) {
			t.Errorf("%+v: no srclang=%q in\n%s", tc.h, tc.srclang, s)
		}
		first := s[strings.Index(s, "<tuv"):]
		if !strings.HasPrefix(first, `<tuv xml:lang="`+tc.firstLang+`">`) {
			t.Errorf("%+v: first tuv is not %s: %s", tc.h, tc.firstLang, first[:40])
		}
		if strings.Contains(s, "creationdate") {
			t.Errorf("creationdate written without a date")
		}
	}
}

func TestTMXRoundTrip(t *testing.T) {
	t.Parallel()
	units := sampleUnits()
	out, _ := writeTMX(t, Header{}, units)
	got := readAll(t, NewTMXReader(bytes.NewReader(out), "mem.tmx"))
	if len(got) != len(units) {
		t.Fatalf("read %d units, want %d", len(got), len(units))
	}
	for i, u := range units {
		want := u
		want.ZH, _ = Clean(u.ZH)
		want.EN, _ = Clean(u.EN)
		if want.ID == "" {
			want.ID = fmt.Sprint(i + 1)
		}
		if want.HasConfidence {
			want.Confidence = float64(int(u.Confidence*1e4+0.5)) / 1e4
		}
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("unit %d:\n got %#v\nwant %#v", i, got[i], want)
		}
	}
}

// TestTMXReaderTools reads TMX shaped like the output of OmegaT, memoQ,
// Okapi, Trados (UTF-16) and a TMX 1.1 tool; the units are compared with
// NAME.want.jsonl.
func TestTMXReaderTools(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob(filepath.Join(testdata, "*.tmx"))
	if len(files) < 5 {
		t.Fatalf("only %d TMX files in %s", len(files), testdata)
	}
	for _, path := range files {
		base := filepath.Base(path)
		if strings.Contains(base, "golden") {
			continue
		}
		t.Run(base, func(t *testing.T) {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var buf bytes.Buffer
			w := NewJSONLWriter(&buf)
			for _, u := range readAll(t, NewTMXReader(f, path)) {
				w.Write(u)
			}
			w.Close()
			golden(t, strings.TrimSuffix(base, ".tmx")+".want.jsonl", buf.Bytes())
		})
	}
}

// Spot checks of what the golden files say, so that a wrong -update is caught.
func TestTMXReaderInline(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		file   string
		zhLang string
		i      int
		zh, en string
	}{
		{"memoq.tmx", "", 0, "港元匯率保持穩定。", "The Hong Kong dollar remained stable."},
		{"okapi.tmx", "", 0, "点击此处阅读完整报告。", "Click here to read the full report."},
		{"okapi.tmx", "zh-TW", 0, "按此閱讀完整報告。", "Click here to read the full report."},
		{"okapi.tmx", "", 1, "  两个空格 ", "  two spaces "},
		{"trados-utf16le-bom.tmx", "", 1, "见第12页。", "See page 12."},
		{"tmx11-lang.tmx", "", 1, "外匯基金", "Exchange Fund"},
		{"omegat.tmx", "", 1, "中国人民银行&国家外汇管理局", "The People's Bank of China & the State Administration of Foreign Exchange"},
	} {
		f, err := os.Open(filepath.Join(testdata, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		r := NewTMXReader(f, tc.file)
		r.ZHLang = tc.zhLang
		units := readAll(t, r)
		f.Close()
		if tc.i >= len(units) {
			t.Errorf("%s: %d units", tc.file, len(units))
			continue
		}
		if u := units[tc.i]; u.ZH != tc.zh || u.EN != tc.en {
			t.Errorf("%s unit %d: got %q / %q, want %q / %q", tc.file, tc.i, u.ZH, u.EN, tc.zh, tc.en)
		}
	}
}

func TestTMXReaderSkipsOneLanguageUnits(t *testing.T) {
	t.Parallel()
	f, err := os.Open(filepath.Join(testdata, "okapi.tmx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := NewTMXReader(f, "okapi.tmx")
	if n := len(readAll(t, r)); n != 2 || r.Skipped() != 1 {
		t.Errorf("read %d units and skipped %d, want 2 and 1", n, r.Skipped())
	}
	if h := r.Header(); h.SrcLang != "*all*" || h.CreationTool != "okapi" {
		t.Errorf("header %+v", h)
	}
}

// TestTMXReaderUTF16 reads the Trados file as UTF-16 LE and BE, with and
// without a byte order mark, and as UTF-8: the units are the same.
func TestTMXReaderUTF16(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join(testdata, "trados-utf16le-bom.tmx"))
	if err != nil {
		t.Fatal(err)
	}
	utf8Text, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(raw)
	if err != nil {
		t.Fatal(err)
	}
	want := readAll(t, NewTMXReader(bytes.NewReader(raw), "le-bom"))
	if len(want) != 2 {
		t.Fatalf("%d units in the Trados file, want 2", len(want))
	}
	encode := func(order unicode.Endianness, bom unicode.BOMPolicy) []byte {
		b, err := unicode.UTF16(order, bom).NewEncoder().Bytes(utf8Text)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for name, data := range map[string][]byte{
		"le":     encode(unicode.LittleEndian, unicode.IgnoreBOM),
		"be":     encode(unicode.BigEndian, unicode.IgnoreBOM),
		"be-bom": encode(unicode.BigEndian, unicode.UseBOM),
		"utf8":   bytes.Replace(utf8Text, []byte(`encoding="utf-16"`), []byte(`encoding="UTF-8"`), 1),
	} {
		got := readAll(t, NewTMXReader(bytes.NewReader(data), name))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %+v, want %+v", name, got, want)
		}
	}
}

func TestTMXReaderErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, in string
		want     string // in the message
		line     int
		sentinel error
	}{
		{"mismatched", "<tmx version=\"1.4\">\n<header srclang=\"en\"/>\n<body>\n<tu><tuv xml:lang=\"en\"><seg>a</tuv></tu>\n</body></tmx>", "element <seg> closed by </tuv>", 4, corpus.ErrSyntax},
		{"truncated", "<tmx>\n<body>\n<tu><tuv xml:lang=\"en\"><seg>abc", "unexpected EOF", 3, corpus.ErrSyntax},
		{"entity", "<tmx>\n<body><tu><tuv xml:lang=\"zh\"><seg>a&nbsp;b</seg></tuv></tu></body></tmx>", "invalid character entity &nbsp;", 2, corpus.ErrSyntax},
		{"external entity", "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<tmx><body><tu><tuv xml:lang=\"zh\"><seg>&xxe;</seg></tuv></tu></body></tmx>", "invalid character entity &xxe;", 3, corpus.ErrSyntax},
		{"not tmx", "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"></xliff>", "not a TMX file", 2, corpus.ErrSyntax},
		{"empty", "", "empty input", 1, corpus.ErrEmpty},
		{"not xml", "zh\ten\n", "syntax error", 1, corpus.ErrSyntax},
		{"doctype inside", "<tmx version=\"1.4\">\n<!DOCTYPE tmx>\n<body></body></tmx>", "<!DOCTYPE> inside <tmx>", 2, corpus.ErrSyntax},
	} {
		r := NewTMXReader(strings.NewReader(tc.in), "bad.tmx")
		for r.Scan() {
		}
		err := r.Err()
		var pe *corpus.ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%s: error %v is not a *corpus.ParseError", tc.name, err)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) || pe.Line != tc.line || pe.File != "bad.tmx" || !errors.Is(err, tc.sentinel) {
			t.Errorf("%s: error %q (line %d), want %q on line %d wrapping %v", tc.name, err, pe.Line, tc.want, tc.line, tc.sentinel)
		}
		if tc.line > 0 && tc.sentinel == corpus.ErrSyntax && pe.Col == 0 {
			t.Errorf("%s: no column in %q", tc.name, err)
		}
	}
}

// FuzzTMXRoundTrip: any text, once cleaned of what XML cannot carry,
// survives a TMX write and read unchanged.
func FuzzTMXRoundTrip(f *testing.F) {
	f.Add("新华社", "Xinhua", "001")
	f.Add("a<b&c]]>d", "\"'\r\n\t", "x\"y")
	f.Add("\x00\x01\x1f\x7f\u0085\uFFFE\uFFFF\U0001F600\U00020000\U000E0001\U0010FFFF", "\xff\xc0\xed\xa0\x80", "")
	f.Add("  lead and trail  ", "\r", "\r\n")
	f.Fuzz(func(t *testing.T, zh, en, doc string) {
		out, dropped := writeTMX(t, Header{}, []Unit{{ZH: zh, EN: en, Doc: doc}})
		r := NewTMXReader(bytes.NewReader(out), "fuzz.tmx")
		if !r.Scan() {
			t.Fatalf("no unit read back: %v\n%s", r.Err(), out)
		}
		u := r.Unit()
		wantZH, n1 := Clean(zh)
		wantEN, n2 := Clean(en)
		wantDoc, n3 := Clean(doc)
		if u.ZH != wantZH || u.EN != wantEN || u.Doc != wantDoc {
			t.Fatalf("round trip:\n got %q %q %q\nwant %q %q %q", u.ZH, u.EN, u.Doc, wantZH, wantEN, wantDoc)
		}
		if dropped != n1+n2+n3 {
			t.Fatalf("dropped %d, want %d", dropped, n1+n2+n3)
		}
		if r.Scan() || r.Err() != nil {
			t.Fatalf("after the unit: %v", r.Err())
		}
	})
}

// FuzzTMXReader: any input gives units or a positioned error, never a panic.
func FuzzTMXReader(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(testdata, "*.tmx"))
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("<tmx><body><tu><tuv lang=zh><seg>a</seg></tuv></tu></body></tmx>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewTMXReader(bytes.NewReader(data), "fuzz.tmx")
		n := 0
		for r.Scan() {
			n++
		}
		if err := r.Err(); err != nil {
			var pe *corpus.ParseError
			if !errors.As(err, &pe) || pe.File != "fuzz.tmx" {
				t.Fatalf("error is not a ParseError: %v", err)
			}
		}
	})
}

func TestTMXReaderLangAttributes(t *testing.T) {
	t.Parallel()
	for _, tuv := range []string{`xml:lang="ZH-cn"`, `XML:LANG="zh-CN"`, `lang="zh_CN"`, `xml:lang="zh-Hans"`} {
		in := `<tmx><header srclang="*all*"/><body><tu><tuv xml:lang="en"><seg>A</seg></tuv><tuv ` + tuv + `><seg>甲</seg></tuv></tu></body></tmx>`
		units := readAll(t, NewTMXReader(strings.NewReader(in), "lang.tmx"))
		if len(units) != 1 || units[0].ZH != "甲" || units[0].EN != "A" {
			t.Errorf("%s: %+v", tuv, units)
		}
	}
}

// TestTMXEveryPlane: a character from each of the 17 Unicode planes, the
// XML-significant ones and the legal controls survive a round trip.
func TestTMXEveryPlane(t *testing.T) {
	t.Parallel()
	var sb strings.Builder
	for plane := rune(0); plane <= 16; plane++ {
		sb.WriteRune(plane<<16 | 0x4E2D)
		sb.WriteRune(plane<<16 | 0xFFFD)
	}
	sb.WriteString("<&>]]>\"'\t\n\r\u0085\u2028\uFEFF")
	text := sb.String()
	out, dropped := writeTMX(t, Header{}, []Unit{{ZH: text, EN: text}})
	got := readAll(t, NewTMXReader(bytes.NewReader(out), "planes.tmx"))
	if dropped != 0 || len(got) != 1 || got[0].ZH != text || got[0].EN != text {
		t.Errorf("dropped %d; got %+v, want %+q", dropped, got, text)
	}
}
