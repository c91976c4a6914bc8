package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// Format names an input format.
type Format string

// Input formats.
const (
	FormatAuto      Format = "auto"      // detect from the content (and the file name)
	FormatText      Format = "text"      // plain text: paragraphs separated by blank lines, or one per line
	FormatLines     Format = "lines"     // one sentence per line, never split; sentence i is line i+1
	FormatHTML      Format = "html"      // HTML: p, headings, li, br, figcaption; scripts, nav and ads dropped
	FormatMarkdown  Format = "markdown"  // Markdown with optional YAML front matter; the body may be HTML
	FormatBilingual Format = "bilingual" // both editions in one file, told apart by script (ReadBilingual)
)

// Formats lists the formats in the order help texts show them.
var Formats = []Format{FormatAuto, FormatText, FormatLines, FormatHTML, FormatMarkdown, FormatBilingual}

// ParseFormat returns the Format named s ("" is FormatAuto).
func ParseFormat(s string) (Format, error) {
	if s == "" {
		return FormatAuto, nil
	}
	for _, f := range Formats {
		if string(f) == strings.ToLower(s) {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown input format %q (want one of auto, text, lines, html, markdown, bilingual)", s)
}

// ReadOptions configure Read. The zero value detects everything.
type ReadOptions struct {
	Format   Format // "" or FormatAuto: detect
	Encoding string // "" = detect (see Decode); otherwise an encoding name such as "gb18030", "big5", "utf-16"
	Lang     Lang   // "" = detect per document (per paragraph for bilingual input)
}

// ReadFile reads the file at path with Read, naming errors after path.
func ReadFile(path string, opt ReadOptions) (*Document, error) {
	data, err := readFileBytes(path)
	if err != nil {
		return nil, err
	}
	return parse(data, path, opt)
}

// ReadBilingualFile reads the file at path with ReadBilingual.
func ReadBilingualFile(path string, opt ReadOptions) (zh, en *Document, err error) {
	data, err := readFileBytes(path)
	if err != nil {
		return nil, nil, err
	}
	return parseBilingual(data, path, opt)
}

func readFileBytes(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &ParseError{File: path, Offset: -1, Err: err}
	}
	return data, nil
}

// Read reads one document from r. name is used in errors and as
// Document.Name. The input is decoded (see Decode), its format detected
// unless opt.Format says, and its paragraphs split into typed sentences.
//
// Asked for FormatBilingual, Read reports an error: a file holding both
// editions is two documents (use ReadBilingual or ReadDocuments). When
// detection finds a bilingual file, Read reads it as plain text, one
// document.
func Read(r io.Reader, name string, opt ReadOptions) (*Document, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &ParseError{File: name, Offset: -1, Err: err}
	}
	return parse(data, name, opt)
}

// ReadBilingual reads a file that holds both editions of an article, one
// after the other or interleaved, and returns its Chinese and its English
// paragraphs as two documents. Each paragraph goes to the document of its
// script (see DetectLang); sentence offsets still index the whole decoded
// input and Para counts paragraphs within each document.
func ReadBilingual(r io.Reader, name string, opt ReadOptions) (zh, en *Document, err error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, &ParseError{File: name, Offset: -1, Err: err}
	}
	return parseBilingual(data, name, opt)
}

// ReadDocuments reads r like Read, but returns both documents of bilingual
// input, the Chinese first; other input gives one document. It is what a
// command that accepts any kind of file calls.
func ReadDocuments(r io.Reader, name string, opt ReadOptions) ([]*Document, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &ParseError{File: name, Offset: -1, Err: err}
	}
	text, err := Decode(data, name, opt.Encoding)
	if err != nil {
		return nil, err
	}
	f := resolveFormat(opt.Format, name, text)
	if f == FormatBilingual {
		zh, en, err := bilingualDocuments(text, name, opt)
		if err != nil {
			return nil, err
		}
		return []*Document{zh, en}, nil
	}
	doc, err := document(text, name, f, opt)
	if err != nil {
		return nil, err
	}
	return []*Document{doc}, nil
}

// ReadDocumentsFile reads the file at path with ReadDocuments.
func ReadDocumentsFile(path string, opt ReadOptions) ([]*Document, error) {
	data, err := readFileBytes(path)
	if err != nil {
		return nil, err
	}
	return ReadDocuments(bytes.NewReader(data), path, opt)
}

func resolveFormat(f Format, name, text string) Format {
	if f == "" || f == FormatAuto {
		return DetectFormat(name, text)
	}
	return f
}

func parse(data []byte, name string, opt ReadOptions) (*Document, error) {
	text, err := Decode(data, name, opt.Encoding)
	if err != nil {
		return nil, err
	}
	f := resolveFormat(opt.Format, name, text)
	switch {
	case f == FormatBilingual && opt.Format == FormatBilingual:
		return nil, &ParseError{File: name, Offset: -1,
			Err: errors.New("bilingual input holds two documents: read it with ReadBilingual or ReadDocuments")}
	case f == FormatBilingual:
		f = FormatText // detected, but one document was asked for
	}
	return document(text, name, f, opt)
}

func document(text, name string, f Format, opt ReadOptions) (*Document, error) {
	paras, meta, err := paragraphs(text, name, f)
	if err != nil {
		return nil, err
	}
	return buildDocument(name, text, paras, meta, opt.Lang), nil
}

func parseBilingual(data []byte, name string, opt ReadOptions) (zh, en *Document, err error) {
	text, err := Decode(data, name, opt.Encoding)
	if err != nil {
		return nil, nil, err
	}
	return bilingualDocuments(text, name, opt)
}

// bilingualDocuments reads decoded text in the format opt names (the
// paragraphs of plain text for auto or bilingual) and sends each paragraph to
// the document of its script.
func bilingualDocuments(text, name string, opt ReadOptions) (zh, en *Document, err error) {
	f := opt.Format
	if f == "" || f == FormatAuto || f == FormatBilingual {
		f = DetectFormat(name, text)
		if f == FormatBilingual {
			f = FormatText
		}
	}
	paras, meta, err := paragraphs(text, name, f)
	if err != nil {
		return nil, nil, err
	}
	var zhParas, enParas []paragraph
	for _, p := range paras {
		if paragraphLang(p.text) == Chinese {
			zhParas = append(zhParas, p)
		} else {
			enParas = append(enParas, p)
		}
	}
	zh = buildDocument(name, text, zhParas, meta, Chinese)
	en = buildDocument(name, text, enParas, cloneMeta(meta), English)
	return zh, en, nil
}

func cloneMeta(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}
