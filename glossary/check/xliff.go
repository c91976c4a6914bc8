package check

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/bitext/bitext/corpus"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"
)

// ErrNoTarget is wrapped by the error ReadXLIFF returns for a file in which
// no trans-unit has a target: a source-only export cannot be checked.
var ErrNoTarget = errors.New("no <target> in any trans-unit (export the file after translation)")

// xliffNS is the XLIFF 1.2 namespace. Elements in other namespaces (sdl:,
// mq:, …) are extensions and are skipped.
const xliffNS = "urn:oasis:names:tc:xliff:document:"

// ReadXLIFF reads the segments of an XLIFF 1.2 file: the source and target
// of every trans-unit, in document order, one Segment each. name is used in
// errors. See the package comment for what is kept and what is dropped.
func ReadXLIFF(r io.Reader, name string) ([]Segment, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &corpus.ParseError{File: name, Offset: -1, Err: err}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &corpus.ParseError{File: name, Offset: -1, Err: corpus.ErrEmpty}
	}
	text, decoded, err := xmlBytes(data)
	if err != nil {
		return nil, &corpus.ParseError{File: name, Offset: -1, Err: fmt.Errorf("%w: %v", corpus.ErrEncoding, err)}
	}
	d := xml.NewDecoder(bytes.NewReader(text))
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		if decoded {
			return in, nil // already UTF-8: the declaration names the original encoding
		}
		rd, err := charset.NewReaderLabel(label, in)
		if err != nil {
			return nil, fmt.Errorf("%w: unsupported encoding %q", corpus.ErrEncoding, label)
		}
		return rd, nil
	}
	x := &xliffReader{d: d, name: name}
	if err := x.read(); err != nil {
		return nil, err
	}
	return x.segs, nil
}

// xmlBytes turns UTF-16 input (with or without a byte order mark) into
// UTF-8 and drops a UTF-8 byte order mark, which encoding/xml rejects.
// decoded reports that the result is UTF-8 whatever the declaration says.
func xmlBytes(data []byte) (out []byte, decoded bool, err error) {
	var (
		endian unicode.Endianness
		bom    unicode.BOMPolicy
	)
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], false, nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		endian, bom = unicode.BigEndian, unicode.ExpectBOM
	case len(data) >= 2 && data[0] == '<' && data[1] == 0:
		endian, bom = unicode.LittleEndian, unicode.IgnoreBOM
	case len(data) >= 2 && data[0] == 0 && data[1] == '<':
		endian, bom = unicode.BigEndian, unicode.IgnoreBOM
	default:
		return data, false, nil
	}
	out, err = unicode.UTF16(endian, bom).NewDecoder().Bytes(data)
	return out, true, err
}

type xliffReader struct {
	d    *xml.Decoder
	name string
	segs []Segment

	srcLang, tgtLang string
	unit2ID          string // the XLIFF 2 unit being read
	unit2Skip        bool
	version2         bool // XLIFF 2: languages on the root
	rootSrc, rootTgt string
	doc              string // the current file's original attribute
	files            int
	units            int // trans-units seen (translatable or not)
	firstUnit        int // line of the first trans-unit
	targets          int // segments with a target
	sawRoot          bool
}

func (x *xliffReader) errorf(err error) error {
	line, col := x.d.InputPos()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		err = fmt.Errorf("%w: %s", corpus.ErrSyntax, se.Msg)
		if se.Line > 0 && se.Line != line {
			line, col = se.Line, 0
		}
	}
	return &corpus.ParseError{File: x.name, Line: line, Col: col, Offset: x.d.InputOffset(), Err: err}
}

// inner returns the next token inside an element: the end of the input
// there is an error.
func (x *xliffReader) inner() (xml.Token, error) {
	tok, err := x.d.Token()
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	if err != nil {
		return nil, x.errorf(err)
	}
	return tok, nil
}

func isXLIFF(n xml.Name) bool {
	return n.Space == "" || strings.HasPrefix(n.Space, xliffNS)
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local && (a.Name.Space == "" || strings.HasPrefix(a.Name.Space, xliffNS)) {
			return a.Value
		}
	}
	return ""
}

func (x *xliffReader) read() error {
	for {
		tok, err := x.d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return x.errorf(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !x.sawRoot {
			x.sawRoot = true
			if se.Name.Local != "xliff" || !isXLIFF(se.Name) {
				return x.errorf(fmt.Errorf("%w: root element <%s>, not <xliff>", corpus.ErrSyntax, se.Name.Local))
			}
			// XLIFF 2 names the languages on the root (srcLang, trgLang).
			x.version2 = strings.HasPrefix(attr(se, "version"), "2")
			x.rootSrc, x.rootTgt = attr(se, "srcLang"), attr(se, "trgLang")
			continue
		}
		if !isXLIFF(se.Name) {
			if err := x.d.Skip(); err != nil {
				return x.errorf(err)
			}
			continue
		}
		switch se.Name.Local {
		case "file":
			x.srcLang, x.tgtLang = attr(se, "source-language"), attr(se, "target-language")
			if x.version2 {
				x.srcLang, x.tgtLang = x.rootSrc, x.rootTgt
			}
			x.files++
			x.doc = attr(se, "original")
			if x.doc == "" {
				x.doc = fmt.Sprintf("file %d", x.files)
			}
		case "trans-unit":
			if err := x.unit(se, attr(se, "id"), attr(se, "translate") == "no"); err != nil {
				return err
			}
		case "unit": // XLIFF 2: its segments are read one by one
			x.unit2ID, x.unit2Skip = attr(se, "id"), attr(se, "translate") == "no"
		case "segment":
			id := x.unit2ID
			if sid := attr(se, "id"); sid != "" {
				id += "/" + sid
			}
			if err := x.unit(se, id, x.unit2Skip); err != nil {
				return err
			}
		case "ignorable", "originalData", "notes":
			if err := x.d.Skip(); err != nil {
				return x.errorf(err)
			}
		case "header", "bin-unit":
			if err := x.d.Skip(); err != nil {
				return x.errorf(err)
			}
		}
	}
	if !x.sawRoot {
		return &corpus.ParseError{File: x.name, Offset: -1, Err: fmt.Errorf("%w: no <xliff> element", corpus.ErrSyntax)}
	}
	if x.units == 0 {
		return &corpus.ParseError{File: x.name, Offset: -1, Err: fmt.Errorf("%w: no trans-unit", corpus.ErrEmpty)}
	}
	if x.targets == 0 && len(x.segs) > 0 {
		return &corpus.ParseError{File: x.name, Line: x.firstUnit, Offset: -1, Err: ErrNoTarget}
	}
	return nil
}

// inline is the text of a source, target or mrk element with inline codes
// dropped, and the segments (mrk mtype="seg") found inside it by mid.
type inline struct {
	text strings.Builder
	segs []mrkSeg
}

type mrkSeg struct {
	mid  string
	text string
}

// unit reads one trans-unit (or XLIFF 2 segment), its start tag already
// consumed.
func (x *xliffReader) unit(start xml.StartElement, id string, skip bool) error {
	line, _ := x.d.InputPos()
	x.units++
	if x.firstUnit == 0 {
		x.firstUnit = line
	}
	var src, tgt, segSrc *inline
	for {
		tok, err := x.inner()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if !skip {
				x.addUnit(id, line, src, tgt, segSrc)
			}
			return nil
		case xml.StartElement:
			var dst **inline
			if isXLIFF(t.Name) {
				switch t.Name.Local {
				case "source":
					dst = &src
				case "target":
					dst = &tgt
				case "seg-source":
					dst = &segSrc
				}
			}
			if dst == nil { // alt-trans, note, context-group, sdl:seg-defs, …
				if err := x.d.Skip(); err != nil {
					return x.errorf(err)
				}
				continue
			}
			in := &inline{}
			if err := x.inline(in, nil); err != nil {
				return err
			}
			*dst = in
		}
	}
}

// addUnit turns a trans-unit into segments: one per mrk mtype="seg" of its
// seg-source when it has them (Trados), otherwise one for the whole unit.
func (x *xliffReader) addUnit(id string, line int, src, tgt, segSrc *inline) {
	add := func(segID, zh string, en *string) {
		s := Segment{Pos: len(x.segs) + 1, Line: line, ID: segID, Doc: x.doc, ZH: tidy(zh)}
		if en != nil {
			s.EN = tidy(*en)
			x.targets++
		} else {
			s.NoTarget = true
		}
		if isEnglish(x.srcLang) && isChinese(x.tgtLang) {
			s.ZH, s.EN = s.EN, s.ZH
		}
		x.segs = append(x.segs, s)
	}
	if segSrc != nil && len(segSrc.segs) > 0 {
		targets := map[string]string{}
		if tgt != nil {
			for _, m := range tgt.segs {
				targets[m.mid] = m.text
			}
		}
		for _, m := range segSrc.segs {
			segID := id + "/" + m.mid
			if t, ok := targets[m.mid]; ok {
				add(segID, m.text, &t)
			} else if tgt != nil && len(tgt.segs) == 0 && len(segSrc.segs) == 1 {
				t := tgt.text.String()
				add(segID, m.text, &t)
			} else {
				add(segID, m.text, nil)
			}
		}
		return
	}
	if src == nil {
		return
	}
	if tgt == nil {
		add(id, src.text.String(), nil)
		return
	}
	t := tgt.text.String()
	add(id, src.text.String(), &t)
}

// inline reads the content of an element up to its end tag into in. Text
// inside g and mrk is kept; x, bx and ex are empty placeholders; ph, bpt,
// ept and it hold native code (and sub a different flow of text), dropped
// with their content. seg is the mrk segment being filled, if any.
func (x *xliffReader) inline(in *inline, seg *strings.Builder) error {
	for {
		tok, err := x.inner()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			in.text.Write(t)
			if seg != nil {
				seg.Write(t)
			}
		case xml.EndElement:
			return nil
		case xml.StartElement:
			switch t.Name.Local {
			case "x", "bx", "ex", "ph", "bpt", "ept", "it", "sub", "sc", "ec", "cp", "sm", "em":
				if err := x.d.Skip(); err != nil {
					return x.errorf(err)
				}
			case "mrk":
				if attr(t, "mtype") == "seg" && seg == nil {
					var b strings.Builder
					if err := x.inline(in, &b); err != nil {
						return err
					}
					in.segs = append(in.segs, mrkSeg{mid: attr(t, "mid"), text: b.String()})
					continue
				}
				if err := x.inline(in, seg); err != nil {
					return err
				}
			default: // g and unknown inline elements: keep the text
				if err := x.inline(in, seg); err != nil {
					return err
				}
			}
		}
	}
}

// tidy collapses runs of white space (XLIFF content is often indented).
func tidy(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func isEnglish(lang string) bool { return langIs(lang, "en") }
func isChinese(lang string) bool { return langIs(lang, "zh") }

func langIs(lang, code string) bool {
	lang = strings.ToLower(lang)
	return lang == code || strings.HasPrefix(lang, code+"-") || strings.HasPrefix(lang, code+"_")
}
