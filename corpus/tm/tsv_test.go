package tm

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
)

func writeAll(t testing.TB, w UnitWriter, units []Unit) {
	t.Helper()
	for _, u := range units {
		if err := w.Write(u); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestTSVWriter(t *testing.T) {
	t.Parallel()
	units := []Unit{
		{ZH: "甲\t乙", EN: "a\\b\nc\r", Doc: "d1", Bead: "2-1", Confidence: 0.123456, HasConfidence: true},
		{ZH: `C:\temp`, EN: "", ID: "x"},
	}
	for _, tc := range []struct {
		columns []string
		want    string
	}{
		{nil, "甲\\t乙\ta\\\\b\\nc\\r\nC:\\\\temp\t\n"},
		{[]string{"zh", "en", "doc", "bead", "confidence"}, "zh\ten\tdoc\tbead\tconfidence\n甲\\t乙\ta\\\\b\\nc\\r\td1\t2-1\t0.1235\nC:\\\\temp\t\t\t\t\n"},
	} {
		var buf bytes.Buffer
		w, err := NewTSVWriter(&buf, tc.columns)
		if err != nil {
			t.Fatal(err)
		}
		writeAll(t, w, units)
		if buf.String() != tc.want {
			t.Errorf("columns %v:\n got %q\nwant %q", tc.columns, buf.String(), tc.want)
		}
	}
	if _, err := NewTSVWriter(nil, []string{"zh", "fr"}); err == nil {
		t.Error("unknown column accepted")
	}
}

func TestTSVReader(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, in string
		want     []Unit
	}{
		{"plain", "甲\tA\r\n\n乙\tB\textra\tcolumns\n", []Unit{{ZH: "甲", EN: "A"}, {ZH: "乙", EN: "B"}}},
		{"escapes", "a\\tb\\\\\tc\\nd\\x\\\n", []Unit{{ZH: "a\tb\\", EN: "c\nd\\x\\"}}},
		{"header", "en\tzh\tconfidence\tbead\nA\t甲\t0.5\t1-1\n", []Unit{{ZH: "甲", EN: "A", Bead: "1-1", Confidence: 0.5, HasConfidence: true}}},
		{"bom, no final newline", "\uFEFF甲\tA", []Unit{{ZH: "甲", EN: "A"}}},
		{"empty side", "甲\t\n", []Unit{{ZH: "甲"}}},
		{"header-like data later", "甲\tA\nzh\ten\n", []Unit{{ZH: "甲", EN: "A"}, {ZH: "zh", EN: "en"}}},
	} {
		got := readAll(t, NewTSVReader(strings.NewReader(tc.in), tc.name))
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.name, got, tc.want)
		}
	}
}

func TestTSVReaderErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in       string
		line     int
		sentinel error
	}{
		{"甲\tA\n\nonly one column\n", 3, corpus.ErrSyntax},
		{"zh\ten\tconfidence\n甲\tA\thigh\n", 2, corpus.ErrSyntax},
		{"甲\tA\n\xff\xfe\xfd\tB\n", 2, corpus.ErrEncoding},
		{"", 0, corpus.ErrEmpty},
		{"\r\n\t\n", 0, corpus.ErrEmpty},
		{"甲\tA\n\x00\x01\x02", 2, corpus.ErrBinary},
	} {
		r := NewTSVReader(strings.NewReader(tc.in), "in.tsv")
		for r.Scan() {
		}
		var pe *corpus.ParseError
		if !errors.As(r.Err(), &pe) || pe.Line != tc.line || pe.File != "in.tsv" || !errors.Is(r.Err(), tc.sentinel) {
			t.Errorf("%q: error %v, want line %d wrapping %v", tc.in, r.Err(), tc.line, tc.sentinel)
		}
	}
}

// TestTMXTSVTMX: TMX → TSV (all columns) → TMX gives the same units and
// the same bytes; TSV with zh and en only keeps the texts.
func TestTMXTSVTMX(t *testing.T) {
	t.Parallel()
	units := sampleUnits()[:2]
	units = append(units, Unit{ZH: "多行\n文本\t", EN: "multi\\line\n", Doc: "002", Bead: "2-1", Confidence: 0.25, HasConfidence: true, ID: "002-1"})
	tmx1, _ := writeTMX(t, Header{}, units)
	for _, columns := range [][]string{AllColumns, nil} {
		var tsv bytes.Buffer
		w, _ := NewTSVWriter(&tsv, columns)
		writeAll(t, w, readAll(t, NewTMXReader(bytes.NewReader(tmx1), "1.tmx")))
		back := readAll(t, NewTSVReader(bytes.NewReader(tsv.Bytes()), "mem.tsv"))
		tmx2, _ := writeTMX(t, Header{}, back)
		got := readAll(t, NewTMXReader(bytes.NewReader(tmx2), "2.tmx"))
		want := readAll(t, NewTMXReader(bytes.NewReader(tmx1), "1.tmx"))
		if columns != nil {
			if !bytes.Equal(tmx1, tmx2) {
				t.Errorf("TMX → TSV → TMX changed the file:\n%s\n---\n%s", tmx1, tmx2)
			}
		}
		if len(got) != len(want) {
			t.Fatalf("columns %v: %d units, want %d", columns, len(got), len(want))
		}
		for i := range want {
			if got[i].ZH != want[i].ZH || got[i].EN != want[i].EN {
				t.Errorf("columns %v, unit %d: %q / %q, want %q / %q", columns, i, got[i].ZH, got[i].EN, want[i].ZH, want[i].EN)
			}
		}
	}
}

func FuzzTSVReader(f *testing.F) {
	f.Add([]byte("甲\tA\n乙\tB\n"))
	f.Add([]byte("zh\ten\tid\tdoc\tbead\tconfidence\n甲\\t\tA\\n\t1\td\t1-1\t0.5\n"))
	f.Add([]byte("\xff\xfe甲\x00\t\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkReadWriteRead(t, data,
			func(r io.Reader) UnitReader { return NewTSVReader(r, "fuzz.tsv") },
			func(w io.Writer) UnitWriter { tw, _ := NewTSVWriter(w, AllColumns); return tw })
	})
}

// checkReadWriteRead reads data; what it reads (when it reads without an
// error) must write and read back the same, confidences rounded as
// writers round them. An error must carry a line.
func checkReadWriteRead(t *testing.T, data []byte, newReader func(io.Reader) UnitReader, newWriter func(io.Writer) UnitWriter) {
	t.Helper()
	r := newReader(bytes.NewReader(data))
	var units []Unit
	for r.Scan() {
		units = append(units, r.Unit())
	}
	if r.Err() != nil {
		var pe *corpus.ParseError
		if !errors.As(r.Err(), &pe) || pe.Line < 1 {
			t.Fatalf("error without a line: %v", r.Err())
		}
		return
	}
	var buf bytes.Buffer
	writeAll(t, newWriter(&buf), units)
	again := readAll(t, newReader(&buf))
	for i := range units {
		if units[i].HasConfidence {
			units[i].Confidence = roundConf(units[i].Confidence)
		}
	}
	if len(units) != len(again) || len(units) > 0 && !reflect.DeepEqual(units, again) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", again, units)
	}
}

// roundConf is what FormatConfidence and parsing make of c.
func roundConf(c float64) float64 {
	r, err := strconv.ParseFloat(FormatConfidence(c), 64)
	if err != nil {
		return c
	}
	return r
}

func TestCodeIsTraditional(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		code        string
		trad, known bool
	}{
		{"zh-TW", true, true}, {"ZH_hk", true, true}, {"zh-Hant-SG", true, true},
		{"zh-CN", false, true}, {"zh-Hans", false, true}, {"zh-SG", false, true},
		{"zh", false, false}, {"en-US", false, false}, {"yue-HK", true, true},
	} {
		trad, known := CodeIsTraditional(tc.code)
		if trad != tc.trad || known != tc.known {
			t.Errorf("%s: %v %v, want %v %v", tc.code, trad, known, tc.trad, tc.known)
		}
	}
}
