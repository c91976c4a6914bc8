package tm

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/bitext/bitext/corpus"
)

// jsonUnit is a Unit as a JSON object.
type jsonUnit struct {
	ID         string            `json:"id,omitempty"`
	ZH         *string           `json:"zh"`
	EN         *string           `json:"en"`
	Doc        string            `json:"doc,omitempty"`
	Bead       string            `json:"bead,omitempty"`
	Confidence json.Number       `json:"confidence,omitempty"`
	Props      map[string]string `json:"props,omitempty"`
}

// JSONLWriter writes units as JSON Lines.
type JSONLWriter struct {
	w   *bufio.Writer
	enc *json.Encoder
	err error
}

// NewJSONLWriter returns a writer of JSON Lines to w.
func NewJSONLWriter(w io.Writer) *JSONLWriter {
	bw := bufio.NewWriterSize(w, 32<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &JSONLWriter{w: bw, enc: enc}
}

// Write writes one unit as a line. Properties are written as an object
// (sorted by type; of two properties of the same type the last wins).
func (j *JSONLWriter) Write(u Unit) error {
	if j.err != nil {
		return j.err
	}
	ju := jsonUnit{ID: u.ID, ZH: &u.ZH, EN: &u.EN, Doc: u.Doc, Bead: u.Bead}
	if u.HasConfidence {
		ju.Confidence = json.Number(FormatConfidence(u.Confidence))
	}
	if len(u.Props) > 0 {
		ju.Props = make(map[string]string, len(u.Props))
		for _, p := range u.Props {
			ju.Props[p.Type] = p.Value
		}
	}
	j.err = j.enc.Encode(ju)
	return j.err
}

// Close flushes the writer.
func (j *JSONLWriter) Close() error {
	if j.err == nil {
		j.err = j.w.Flush()
	}
	return j.err
}

// JSONLReader reads units from JSON Lines: one object per line with string
// fields zh and en (required), id, doc, bead, a number confidence and an
// object props; other fields are ignored, blank lines skipped.
type JSONLReader struct {
	lines
	unit Unit
}

// NewJSONLReader returns a reader of r; name is used in errors.
func NewJSONLReader(r io.Reader, name string) *JSONLReader {
	return &JSONLReader{lines: lines{name: name, src: r}}
}

// Unit is the unit read by the last successful Scan.
func (j *JSONLReader) Unit() Unit { return j.unit }

// Scan advances to the next unit.
func (j *JSONLReader) Scan() bool {
	for {
		text, ok := j.next()
		if !ok {
			return false
		}
		line := []byte(text)
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var ju jsonUnit
		if err := json.Unmarshal(line, &ju); err != nil {
			return j.fail(jsonCol(err), fmt.Errorf("%w: %v", corpus.ErrSyntax, DescribeJSONError(err)))
		}
		if ju.ZH == nil || ju.EN == nil {
			return j.fail(0, fmt.Errorf("%w: want an object with string fields \"zh\" and \"en\"", corpus.ErrSyntax))
		}
		u := Unit{ID: ju.ID, ZH: *ju.ZH, EN: *ju.EN, Doc: ju.Doc, Bead: ju.Bead}
		if ju.Confidence != "" {
			c, err := strconv.ParseFloat(string(ju.Confidence), 64)
			if err != nil {
				return j.fail(0, fmt.Errorf("%w: confidence %s is not a number", corpus.ErrSyntax, ju.Confidence))
			}
			u.Confidence, u.HasConfidence = c, true
		}
		for k, v := range ju.Props {
			u.Props = append(u.Props, Prop{k, v})
		}
		slices.SortFunc(u.Props, func(a, b Prop) int { return strings.Compare(a.Type, b.Type) })
		j.unit = u
		return true
	}
}

// DescribeJSONError says what is wrong with a JSON Lines record in the
// file's terms: a type error from encoding/json names the field and the
// JSON types (field "zh": want a string, got number), not a Go struct.
func DescribeJSONError(err error) string {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return err.Error()
	}
	if te.Field == "" {
		return "want a JSON object, got " + te.Value
	}
	want := "a string"
	switch te.Type.Kind() {
	case reflect.Map, reflect.Struct:
		want = "an object"
	case reflect.Slice, reflect.Array:
		want = "an array"
	case reflect.Bool:
		want = "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		want = "a number"
	}
	return fmt.Sprintf("field %q: want %s, got %s", te.Field, want, te.Value)
}

// jsonCol is the 1-based column of a JSON syntax error within its line, 0
// when unknown.
func jsonCol(err error) int {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return int(se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return int(te.Offset)
	}
	return 0
}
