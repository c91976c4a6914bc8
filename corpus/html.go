package corpus

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// htmlParagraphs reads the paragraphs of HTML text: the text of p, headings
// (kind Title), li, table cells and other blocks, with br and hr as paragraph
// breaks; figcaption and caption-class elements, and image alt or title texts
// that no caption repeats, are Caption paragraphs; head, script, style, nav,
// footer, aside, forms and containers whose id or class names an ad, share
// bar, paywall or menu are dropped. Entities are decoded and white space
// collapsed, so a paragraph's text is not a slice of the input: its sentence
// offsets span the markup they were read from. base is the offset of text in
// the decoded input. The document title, description, author, date and
// canonical URL go to the metadata.
//
// The tokenizer forgives almost everything; what it cannot recover from is an
// error: a comment or a script or style element that is never closed (it
// would swallow the rest of the file).
func htmlParagraphs(text, name string, base int) ([]paragraph, map[string]string, error) {
	h := &htmlReader{input: text, base: base, name: name, meta: map[string]string{}, opened: map[string]int{}}
	if err := h.read(); err != nil {
		return nil, nil, err
	}
	h.addAlts()
	if len(h.meta) == 0 {
		h.meta = nil
	}
	return h.paras, h.meta, nil
}

// htmlReader collects the paragraphs of an HTML text.
type htmlReader struct {
	input string // the HTML being read
	base  int    // offset of input in the decoded file
	name  string

	textBuilder // the paragraph being built
	paras       []paragraph
	meta        map[string]string
	open        []element      // open elements, innermost last
	opened      map[string]int // how many elements of each name are open
	skip        int            // how many open elements are dropped ones

	alts    []altText // image alt and title texts, kept when no caption repeats them
	inTitle bool
	title   strings.Builder
}

type element struct {
	name  string
	skip  bool
	kind  Kind // the kind its text gets: its own (Title, Caption, Body) or its parent's
	start int  // offset of the start tag in input
}

type altText struct {
	text       string
	index      int // index in paras that it goes before
	start, end int // the img tag in the decoded input
}

// dropped are elements whose text is never article text.
var dropped = set("head", "script", "style", "noscript", "nav", "footer", "aside", "form", "iframe", "svg",
	"button", "select", "option", "template", "object", "embed", "canvas", "menu", "dialog")

// blocks are elements that start and end a paragraph.
var blocks = set("p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
	"li", "ul", "ol", "dl", "dt", "dd", "blockquote", "figure", "figcaption", "table", "thead", "tbody",
	"tr", "td", "th", "caption", "pre", "address", "body", "html", "center", "summary", "details")

// void elements have no end tag.
var void = set("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
	"source", "track", "wbr")

// adContainer matches the id or class of advertising, sharing, navigation
// and paywall containers: dfp-ad-imu1, ad-slot, share-bar, cx_paywall_placeholder.
var adContainer = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:ad|ads|adv|advert|advertisement|dfp|gpt|sponsor|sponsored|promo|banner|share|sharing|social|related|recommend|recommended|comments?|paywall|newsletter|subscribe|subscription|breadcrumbs?|sidebar|nav|navbar|menu|footer|cookie|popup|modal)(?:$|[\s_\d-])`)

// captionClass matches the class of elements that hold a photo caption.
var captionClass = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:caption|wp-caption-text|img-desc|pic-desc|photo-desc|image-desc|pictext)(?:$|[\s_-])`)

// minAltRunes is the shortest image alt text taken as a caption: "logo" and
// "photo" are not captions.
const minAltRunes = 8

func (h *htmlReader) read() error {
	z := html.NewTokenizer(strings.NewReader(h.input))
	pos := 0
	for {
		tt := z.Next()
		raw := z.Raw()
		start := pos
		pos += len(raw)
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); err != io.EOF {
				return h.errorAt(start, fmt.Errorf("%w: %v", ErrSyntax, err))
			}
			for _, e := range h.open {
				if e.name == "script" || e.name == "style" {
					return h.errorAt(e.start, fmt.Errorf("%w: <%s> element is never closed", ErrSyntax, e.name))
				}
			}
			h.flush()
			return nil
		case html.CommentToken:
			if r := string(raw); !strings.HasSuffix(r, "-->") && !strings.HasSuffix(r, "--!>") {
				return h.errorAt(start, fmt.Errorf("%w: comment is never closed (missing -->)", ErrSyntax))
			}
		case html.TextToken:
			switch {
			case h.inTitle:
				h.title.Write(z.Text())
			case h.skip == 0:
				h.addText(string(raw), h.base+start)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			h.startTag(z, tt == html.SelfClosingTagToken, start, pos)
		case html.EndTagToken:
			name, _ := z.TagName()
			h.endTag(string(name))
		}
	}
}

func (h *htmlReader) errorAt(offset int, err error) error {
	line := 1 + strings.Count(h.input[:min(offset, len(h.input))], "\n")
	return &ParseError{File: h.name, Line: line, Offset: int64(h.base + offset), Err: err}
}

func (h *htmlReader) startTag(z *html.Tokenizer, selfClosing bool, start, end int) {
	nameb, hasAttr := z.TagName()
	name := string(nameb)
	attrs := map[string]string{}
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		attrs[string(k)] = string(v)
	}
	switch name {
	case "meta":
		h.metaTag(attrs)
	case "link":
		if strings.EqualFold(attrs["rel"], "canonical") && attrs["href"] != "" {
			h.meta["url"] = attrs["href"]
		}
	case "img":
		if h.skip == 0 {
			h.addAlt(attrs, h.base+start, h.base+end)
		}
	case "title":
		if !selfClosing {
			h.inTitle = true
		}
		return
	}
	if blocks[name] || name == "br" || name == "hr" {
		h.flush()
	}
	if void[name] || selfClosing {
		return
	}
	h.closeImplied(name)
	e := element{name: name, start: start, kind: h.kind()}
	e.skip = dropped[name] || adContainer.MatchString(attrs["id"]) || adContainer.MatchString(attrs["class"])
	switch {
	case name == "figcaption" || captionClass.MatchString(attrs["class"]):
		e.kind = Caption
	case len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6':
		e.kind = Title
	case name == "td" || name == "th":
		e.kind = Body // a table cell is never a headline
	}
	if e.skip {
		h.skip++
	}
	h.open = append(h.open, e)
	h.opened[name]++
}

// closeImplied closes the elements that the start tag of name ends without
// an end tag, as HTML does: a block start ends an open p, an li ends the
// previous li, a cell the previous cell, a row the previous row.
func (h *htmlReader) closeImplied(name string) {
	for len(h.open) > 0 {
		top := h.open[len(h.open)-1].name
		switch {
		case top == "p" && blocks[name],
			top == "li" && name == "li",
			(top == "td" || top == "th") && (name == "td" || name == "th" || name == "tr"),
			top == "tr" && name == "tr",
			(top == "dt" || top == "dd") && (name == "dt" || name == "dd"):
			h.pop(len(h.open) - 1)
		default:
			return
		}
	}
}

// pop closes the open elements from index k up.
func (h *htmlReader) pop(k int) {
	for _, e := range h.open[k:] {
		if e.skip {
			h.skip--
		}
		if blocks[e.name] {
			h.flush()
		}
		h.opened[e.name]--
	}
	h.open = h.open[:k]
}

func (h *htmlReader) endTag(name string) {
	if name == "title" && h.inTitle {
		h.inTitle = false
		if t := strings.Join(strings.Fields(h.title.String()), " "); t != "" && h.meta["title"] == "" {
			h.meta["title"] = t
		}
		return
	}
	if blocks[name] {
		h.flush()
	}
	if h.opened[name] == 0 {
		return // a stray end tag
	}
	for k := len(h.open) - 1; k >= 0; k-- {
		if h.open[k].name == name {
			h.pop(k)
			return
		}
	}
}

func (h *htmlReader) metaTag(attrs map[string]string) {
	key := strings.ToLower(attrs["property"] + attrs["name"] + attrs["itemprop"])
	content := strings.TrimSpace(attrs["content"])
	if content == "" {
		return
	}
	switch key {
	case "og:title":
		h.meta["title"] = content
	case "description", "og:description":
		h.meta["description"] = content
	case "author", "article:author":
		h.meta["author"] = content
	case "article:published_time", "pubdate", "publishdate", "date", "datepublished":
		h.meta["date"] = content
	case "og:url":
		if h.meta["url"] == "" {
			h.meta["url"] = content
		}
	}
}

// kind returns the kind the innermost open element gives its text.
// Every element carries the kind it inherits or sets.
func (h *htmlReader) kind() Kind {
	if len(h.open) == 0 {
		return ""
	}
	return h.open[len(h.open)-1].kind
}

// entity matches a character reference in raw HTML text.
var entity = regexp.MustCompile(`&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)`)

// addText appends a raw text token at offset src of the input to the current
// paragraph: white space collapsed, character references decoded, and every
// piece mapped back to its source bytes.
func (h *htmlReader) addText(raw string, src int) {
	if h.buf.Len() == 0 {
		h.textBuilder.kind = h.kind()
	}
	var refs [][]int
	if strings.IndexByte(raw, '&') >= 0 {
		refs = entity.FindAllStringIndex(raw, -1)
	}
	last := 0
	for _, loc := range refs {
		ref := raw[loc[0]:loc[1]]
		dec := html.UnescapeString(ref)
		if dec == ref {
			continue
		}
		h.addVerbatim(raw[last:loc[0]], src+last)
		if strings.TrimFunc(dec, isSpace) == "" {
			h.addSpace(src+loc[0], len(ref))
		} else {
			h.appendPart(dec, src+loc[0], len(ref))
		}
		last = loc[1]
	}
	h.addVerbatim(raw[last:], src+last)
}

// addVerbatim appends text found at offset src, collapsing white space.
func (b *textBuilder) addVerbatim(text string, src int) {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		space := isSpace(r)
		j := i + size
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if isSpace(r) != space {
				break
			}
			j += size
		}
		if space {
			b.addSpace(src+i, j-i)
		} else {
			b.appendPart(text[i:j], src+i, j-i)
		}
		i = j
	}
}

// flush ends the current paragraph.
func (h *htmlReader) flush() {
	if p, ok := h.take(); ok {
		h.paras = append(h.paras, p)
	}
}

// addAlt records the alt (or title) text of an image as a possible caption.
func (h *htmlReader) addAlt(attrs map[string]string, start, end int) {
	alt := attrs["alt"]
	if alt == "" {
		alt = attrs["title"]
	}
	alt = strings.Join(strings.FieldsFunc(alt, isSpace), " ")
	if utf8.RuneCountInString(alt) < minAltRunes || DetectLang(alt) == "" {
		return
	}
	index := len(h.paras)
	if h.buf.Len() > 0 {
		index++ // the image sits inside the current paragraph: its caption follows it
	}
	h.alts = append(h.alts, altText{text: alt, index: index, start: start, end: end})
}

// addAlts inserts the image alt texts that no caption repeats as Caption
// paragraphs: an alt text is dropped when the same text is a paragraph, or
// when a caption (a figcaption) sits right next to the image.
func (h *htmlReader) addAlts() {
	if len(h.alts) == 0 {
		return
	}
	have := make(map[string]bool, len(h.paras))
	for _, p := range h.paras {
		have[p.text] = true
	}
	captionAt := func(i int) bool { return i >= 0 && i < len(h.paras) && h.paras[i].kind == Caption }
	var out []paragraph
	next := 0
	add := func(a altText) {
		if have[a.text] || captionAt(a.index) || captionAt(a.index-1) {
			return
		}
		have[a.text] = true
		out = append(out, paragraph{text: a.text, start: a.start, kind: Caption,
			src: []srcPart{{at: 0, n: len(a.text), src: a.start, srcN: a.end - a.start}}})
	}
	for i, p := range h.paras {
		for ; next < len(h.alts) && h.alts[next].index <= i; next++ {
			add(h.alts[next])
		}
		out = append(out, p)
	}
	for ; next < len(h.alts); next++ {
		add(h.alts[next])
	}
	h.paras = out
}
