package tm

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/htmlindex"

	"github.com/bitext/bitext/corpus"
)

// xmlNS is the namespace the xml: prefix is bound to.
const xmlNS = "http://www.w3.org/XML/1998/namespace"

// TMXReader reads the units of a TMX file (any version from 1.1 to 1.4) one
// at a time. Set the fields before the first Scan.
type TMXReader struct {
	// ZHLang and ENLang choose the variants when a unit has several of one
	// language (zh-CN and zh-TW): an exact match wins, then the variant named
	// by the header's srclang, then zh-CN (en-US), then zh (en), then the
	// first. Any Chinese (English) variant is accepted when there is one.
	ZHLang, ENLang string

	name    string
	src     io.Reader
	d       *xml.Decoder
	header  Header
	unit    Unit
	err     error
	started bool
	done    bool
	skipped int
}

// NewTMXReader returns a reader of the TMX file r; name is used in errors.
func NewTMXReader(r io.Reader, name string) *TMXReader {
	return &TMXReader{name: name, src: r}
}

// Header is the file's header; it is known after the first call to Scan.
// Header.SrcLang is the srclang attribute as written ("*all*" included);
// ZHLang and ENLang are the codes of the first unit's variants.
func (t *TMXReader) Header() Header { return t.header }

// Unit is the unit read by the last successful Scan.
func (t *TMXReader) Unit() Unit { return t.unit }

// Err is the first error met, nil at a clean end of file.
func (t *TMXReader) Err() error { return t.err }

// Skipped is the number of units passed over because they lack a Chinese
// or an English variant.
func (t *TMXReader) Skipped() int { return t.skipped }

// tuv is one variant of a unit while it is read.
type tuv struct {
	lang string
	text string
}

// Scan advances to the next unit with both a Chinese and an English variant.
func (t *TMXReader) Scan() bool {
	if t.done {
		return false
	}
	if !t.started {
		t.started = true
		if !t.open() {
			return false
		}
	}
	for {
		tok, err := t.token()
		if err != nil {
			return t.fail(err)
		}
		if tok == nil {
			t.done = true
			return false
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch name(tok.Name) {
			case "header":
				t.readHeader(tok)
			case "tu":
				u, ok, err := t.readTU(tok)
				if err != nil {
					return t.fail(err)
				}
				if ok {
					t.unit = u
					return true
				}
				t.skipped++
			}
		case xml.Directive:
			// <!DOCTYPE …> belongs before the root element.
			return t.fail(t.errAt(fmt.Errorf("%w: a <!%s> inside <tmx>", corpus.ErrSyntax, firstWord(tok))))
		}
	}
}

// firstWord is the keyword of a directive (DOCTYPE, ENTITY…).
func firstWord(d xml.Directive) string {
	if f := strings.Fields(string(d)); len(f) > 0 {
		return f[0]
	}
	return ""
}

// open sets up the decoder and checks the root element is <tmx>.
func (t *TMXReader) open() bool {
	r, utf16 := utf8Reader(t.src)
	d := xml.NewDecoder(r)
	d.Strict = true
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		l := strings.ToLower(label)
		if utf16 || strings.HasPrefix(l, "utf-16") || strings.HasPrefix(l, "utf16") || l == "ucs-2" || l == "unicode" {
			// Already transcoded by utf8Reader (or declared wrongly on an
			// ASCII-compatible file: read it as it is).
			return in, nil
		}
		enc, err := htmlindex.Get(l)
		if err != nil {
			return nil, fmt.Errorf("unsupported encoding %q", label)
		}
		return enc.NewDecoder().Reader(in), nil
	}
	t.d = d
	for {
		line, col := d.InputPos()
		tok, err := t.token()
		if err != nil {
			return t.fail(err)
		}
		switch tok := tok.(type) {
		case nil:
			return t.fail(t.errAt(corpus.ErrEmpty))
		case xml.CharData:
			if len(bytes.TrimSpace(tok)) > 0 {
				return t.fail(&corpus.ParseError{File: t.name, Line: line, Col: col, Offset: -1,
					Err: fmt.Errorf("%w: text before the root element: not a TMX file", corpus.ErrSyntax)})
			}
		case xml.StartElement:
			if name(tok.Name) != "tmx" {
				return t.fail(t.errAt(fmt.Errorf("%w: root element is <%s>, not <tmx>: not a TMX file", corpus.ErrSyntax, tok.Name.Local)))
			}
			return true
		}
	}
}

// token returns the next token (copied), nil at end of input.
func (t *TMXReader) token() (xml.Token, error) {
	tok, err := t.d.Token()
	if err == io.EOF {
		return nil, nil
	}
	if err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return nil, t.errAt(fmt.Errorf("%w: %s", corpus.ErrSyntax, se.Msg))
		}
		return nil, t.errAt(err)
	}
	return xml.CopyToken(tok), nil
}

// errAt wraps err with the decoder's current position.
func (t *TMXReader) errAt(err error) error {
	line, col := t.d.InputPos()
	return &corpus.ParseError{File: t.name, Line: line, Col: col, Offset: -1, Err: err}
}

func (t *TMXReader) fail(err error) bool {
	t.err = err
	t.done = true
	return false
}

// name is the lower-cased local name of an element or attribute.
func name(n xml.Name) string { return strings.ToLower(n.Local) }

// langAttr returns the xml:lang (or TMX 1.1 lang) attribute.
func langAttr(attrs []xml.Attr) string {
	lang := ""
	for _, a := range attrs {
		if name(a.Name) != "lang" {
			continue
		}
		switch {
		case a.Name.Space == xmlNS, strings.EqualFold(a.Name.Space, "xml"):
			return a.Value
		case a.Name.Space == "":
			lang = a.Value
		}
	}
	return lang
}

func attr(attrs []xml.Attr, key string) string {
	for _, a := range attrs {
		if a.Name.Space == "" && name(a.Name) == key {
			return a.Value
		}
	}
	return ""
}

func (t *TMXReader) readHeader(se xml.StartElement) {
	h := Header{
		SrcLang:             attr(se.Attr, "srclang"),
		CreationTool:        attr(se.Attr, "creationtool"),
		CreationToolVersion: attr(se.Attr, "creationtoolversion"),
		AdminLang:           attr(se.Attr, "adminlang"),
		OTMF:                attr(se.Attr, "o-tmf"),
		SegType:             attr(se.Attr, "segtype"),
	}
	if LangOf(h.SrcLang) == corpus.English {
		h.Source = corpus.English
	}
	t.header = h
	// Header properties and notes are read as they come by Scan's loop,
	// which ignores them: nothing in them concerns the units.
}

// readTU reads a <tu> after its start tag. ok is false when the unit lacks
// one of the two languages.
func (t *TMXReader) readTU(se xml.StartElement) (u Unit, ok bool, err error) {
	u.ID = attr(se.Attr, "tuid")
	var tuvs []tuv
	for {
		tok, err := t.token()
		if err != nil {
			return u, false, err
		}
		if tok == nil {
			return u, false, t.errAt(fmt.Errorf("%w: unexpected end of file inside <tu>", corpus.ErrSyntax))
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch name(tok.Name) {
			case "prop":
				text, err := t.text(false)
				if err != nil {
					return u, false, err
				}
				u.addProp(attr(tok.Attr, "type"), text)
			case "tuv":
				v, err := t.readTUV(tok)
				if err != nil {
					return u, false, err
				}
				tuvs = append(tuvs, v)
			default:
				if err := t.d.Skip(); err != nil {
					return u, false, t.errAt(err)
				}
			}
		case xml.EndElement:
			zh := t.pick(tuvs, corpus.Chinese, t.ZHLang)
			en := t.pick(tuvs, corpus.English, t.ENLang)
			if zh < 0 || en < 0 {
				return u, false, nil
			}
			u.ZH, u.EN = tuvs[zh].text, tuvs[en].text
			if t.header.ZHLang == "" {
				t.header.ZHLang, t.header.ENLang = tuvs[zh].lang, tuvs[en].lang
			}
			return u, true, nil
		}
	}
}

// addProp stores a property, the x-bitext ones in their fields.
func (u *Unit) addProp(typ, value string) {
	switch typ {
	case PropDoc:
		u.Doc = value
	case PropBead:
		u.Bead = value
	case PropConfidence:
		if c, err := strconv.ParseFloat(strings.TrimSpace(value), 64); err == nil {
			u.Confidence, u.HasConfidence = c, true
			return
		}
		u.Props = append(u.Props, Prop{typ, value})
	default:
		u.Props = append(u.Props, Prop{typ, value})
	}
}

// readTUV reads a <tuv> after its start tag: its language and the text of
// its <seg>.
func (t *TMXReader) readTUV(se xml.StartElement) (tuv, error) {
	v := tuv{lang: langAttr(se.Attr)}
	for {
		tok, err := t.token()
		if err != nil {
			return v, err
		}
		if tok == nil {
			return v, t.errAt(fmt.Errorf("%w: unexpected end of file inside <tuv>", corpus.ErrSyntax))
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if name(tok.Name) == "seg" {
				text, err := t.text(true)
				if err != nil {
					return v, err
				}
				v.text = text
			} else if err := t.d.Skip(); err != nil {
				return v, t.errAt(err)
			}
		case xml.EndElement:
			return v, nil
		}
	}
}

// nativeCode reports whether an inline element holds native code (markup
// of the original format), not text: its content is dropped.
func nativeCode(element string) bool {
	switch element {
	case "bpt", "ept", "ph", "it", "ut":
		return true
	}
	return false
}

// text reads character data up to the end of the current element. In a
// segment (seg), the content of native-code elements is dropped and the
// text of other inline elements kept; elsewhere all text is kept.
func (t *TMXReader) text(seg bool) (string, error) {
	var b strings.Builder
	depth, skip := 0, 0 // skip: depth of the outermost native-code element, 0 when none
	for {
		tok, err := t.d.Token()
		if err != nil {
			if err == io.EOF {
				err = fmt.Errorf("%w: unexpected end of file inside an element", corpus.ErrSyntax)
			} else if se := (*xml.SyntaxError)(nil); errors.As(err, &se) {
				err = fmt.Errorf("%w: %s", corpus.ErrSyntax, se.Msg)
			}
			return "", t.errAt(err)
		}
		switch tok := tok.(type) {
		case xml.CharData:
			if skip == 0 {
				b.Write(tok)
			}
		case xml.StartElement:
			depth++
			if seg && skip == 0 && nativeCode(name(tok.Name)) {
				skip = depth
			}
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			if depth == skip {
				skip = 0
			}
			depth--
		}
	}
}

// pick returns the index of the variant of language lang, -1 if there is
// none. Of several variants it prefers an exact match of want, then the
// header's srclang, then the usual code (zh-CN, en-US), then the bare
// language (zh, en), then the first.
func (t *TMXReader) pick(tuvs []tuv, lang corpus.Lang, want string) int {
	usual := "en-US"
	if lang == corpus.Chinese {
		usual = "zh-CN"
	}
	best, bestRank := -1, 0
	for i, v := range tuvs {
		if LangOf(v.lang) != lang {
			continue
		}
		rank := 1
		switch {
		case want != "" && sameLang(v.lang, want):
			rank = 5
		case sameLang(v.lang, t.header.SrcLang):
			rank = 4
		case sameLang(v.lang, usual):
			rank = 3
		case sameLang(v.lang, string(lang)):
			rank = 2
		}
		if rank > bestRank {
			best, bestRank = i, rank
		}
	}
	return best
}
