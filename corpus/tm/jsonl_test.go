package tm

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
)

func TestJSONLRoundTrip(t *testing.T) {
	t.Parallel()
	units := []Unit{
		{ID: "1", ZH: "甲<&>", EN: "A \"quoted\"\n", Doc: "d", Bead: "1-1", Confidence: 0.75, HasConfidence: true},
		{ZH: "乙", EN: "", Props: []Prop{{"a", "1"}, {"b", "2"}}},
	}
	var buf bytes.Buffer
	writeAll(t, NewJSONLWriter(&buf), units)
	want := `{"id":"1","zh":"甲<&>","en":"A \"quoted\"\n","doc":"d","bead":"1-1","confidence":0.75}` + "\n" +
		`{"zh":"乙","en":"","props":{"a":"1","b":"2"}}` + "\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	got := readAll(t, NewJSONLReader(&buf, "mem.jsonl"))
	if !reflect.DeepEqual(got, units) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, units)
	}
}

func TestJSONLReaderErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		line int
		want string
	}{
		{`{"zh":"a","en":"b"}` + "\n\n" + `{"zh":"a","en":}`, 3, "invalid character"},
		{`{"zh":"a"}`, 1, `"zh" and "en"`},
		{`{"zh":"a","en":"b","confidence":"high"}`, 1, "invalid number literal"},
		{`["a","b"]`, 1, "want a JSON object, got array"},
		{`{"zh":"a","en":"b"}` + "\n" + `{"zh":5,"en":"b"}`, 2, `field "zh": want a string, got number`},
		{`{"zh":"a","en":"b","props":[]}`, 1, `field "props": want an object, got array`},
		{"", 0, "empty input"},
		{"\n  \n", 0, "empty input"},
		{`{"zh":"a","en":"b"}` + "\n\x00\x01", 2, "binary data"},
	} {
		r := NewJSONLReader(strings.NewReader(tc.in), "in.jsonl")
		for r.Scan() {
		}
		var pe *corpus.ParseError
		if !errors.As(r.Err(), &pe) || pe.Line != tc.line || !strings.Contains(r.Err().Error(), tc.want) {
			t.Errorf("%q: error %v, want line %d with %q", tc.in, r.Err(), tc.line, tc.want)
		}
	}
}

func FuzzJSONLReader(f *testing.F) {
	f.Add([]byte(`{"id":"1","zh":"甲","en":"A","doc":"d","bead":"1-1","confidence":0.5,"props":{"k":"v"}}` + "\n"))
	f.Add([]byte(`{"zh":"\u0000\ud800","en":""}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkReadWriteRead(t, data,
			func(r io.Reader) UnitReader { return NewJSONLReader(r, "fuzz.jsonl") },
			func(w io.Writer) UnitWriter { return NewJSONLWriter(w) })
	})
}
