package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/corpus"
)

// splitCommand prints the sentences of a file.
func splitCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "split",
		Usage:     "split a text, HTML, Markdown or bilingual file into typed sentences",
		ArgsUsage: "FILE|-",
		Description: "split reads one file (or standard input for -), decodes it (UTF-8, UTF-16 with a byte\n" +
			"order mark, or GB18030/GBK and Big5 when the bytes are plausibly Chinese), finds its\n" +
			"paragraphs and splits them into sentences, each marked as body, title, caption (photo\n" +
			"captions and credits such as 新华社记者 李涛 摄 or (Xinhua/Li Tao)) or metadata (bylines,\n" +
			"editors, timestamps).\n\n" +
			"Input formats (--input):\n" +
			"   text       paragraphs separated by blank lines, or one paragraph per line (detected)\n" +
			"   lines      one sentence per line, never split; sentence i is line i+1\n" +
			"   html       the text of p, headings, li and br; captions kept; scripts, nav and ads dropped\n" +
			"   markdown   Markdown with YAML front matter (a Jekyll post); the body may be HTML\n" +
			"   bilingual  both editions in one file: prints the Chinese sentences, then the English\n" +
			"   auto       detect from the file name and content (the default)\n\n" +
			"Output (--format): lines prints one sentence per line (line breaks inside a sentence\n" +
			"become spaces); jsonl prints one JSON object per sentence:\n" +
			"   {\"text\":…,\"lang\":\"zh|en\",\"kind\":\"body|title|caption|metadata\",\"para\":N,\"start\":N,\"end\":N}\n" +
			"where para is the 0-based paragraph and start/end are byte offsets into the decoded input.\n\n" +
			"Examples:\n" +
			"   bitext split article.html\n" +
			"   bitext split --input bilingual --format jsonl story.txt\n" +
			"   bitext split --encoding gb18030 --lang zh old.txt\n\n" +
			"Exit status: 0 success; 2 usage or input error (empty, binary or undecodable input,\n" +
			"unreadable HTML), reported on one line naming the file and the line or byte offset.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lang", Value: "auto", Usage: "`LANG` of the text: zh, en or auto (detected per paragraph)"},
			&cli.StringFlag{Name: "input", Aliases: []string{"i"}, Value: "auto", Usage: "input `FORMAT`: auto, text, lines, html, markdown or bilingual"},
			&cli.StringFlag{Name: "encoding", Usage: "input `ENCODING`, e.g. utf-8, utf-16le, gb18030, gbk, big5 (default: detect)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "lines", Usage: "output `FORMAT`: lines or jsonl"},
		},
		Action: func(c *cli.Context) error { return runSplit(e, c) },
	}
}

func runSplit(e *env, c *cli.Context) error {
	if c.NArg() != 1 {
		return usageErrorf("split: want one FILE (or - for standard input), got %d arguments", c.NArg())
	}
	opt, err := readOptions(c.String("input"), c.String("lang"), c.String("encoding"))
	if err != nil {
		return usageErrorf("split: %v", err)
	}
	outFormat := c.String("format")
	if outFormat != "lines" && outFormat != "jsonl" {
		return usageErrorf("split: unknown --format %q (want lines or jsonl)", outFormat)
	}
	sc, closeInput, err := openSentences(e, c.Args().First(), opt)
	if err != nil {
		return withCode(ExitError, err)
	}
	defer closeInput()
	w := bufio.NewWriter(e.stdout)
	if err := writeSentences(w, sc.All(), outFormat); err != nil {
		return withCode(ExitError, err)
	}
	if err := sc.Err(); err != nil {
		w.Flush()
		return withCode(ExitError, err)
	}
	if err := w.Flush(); err != nil {
		return withCode(ExitError, err)
	}
	return nil
}

// readOptions turns the --input, --lang and --encoding flags into
// corpus.ReadOptions.
func readOptions(input, lang, encoding string) (corpus.ReadOptions, error) {
	f, err := corpus.ParseFormat(input)
	if err != nil {
		return corpus.ReadOptions{}, err
	}
	opt := corpus.ReadOptions{Format: f, Encoding: encoding}
	switch strings.ToLower(lang) {
	case "", "auto":
	case "zh":
		opt.Lang = corpus.Chinese
	case "en":
		opt.Lang = corpus.English
	default:
		return opt, fmt.Errorf("unknown --lang %q (want zh, en or auto)", lang)
	}
	return opt, nil
}

// readDocuments reads a file, or standard input for "-", whole: one
// document, or two for bilingual input.
func readDocuments(e *env, path string, opt corpus.ReadOptions) ([]*corpus.Document, error) {
	if path == "-" {
		return corpus.ReadDocuments(e.stdin, "<stdin>", opt)
	}
	return corpus.ReadDocumentsFile(path, opt)
}

// openSentences opens a file, or standard input for "-", for streaming its
// sentences; closeInput closes the file.
func openSentences(e *env, path string, opt corpus.ReadOptions) (sc *corpus.Scanner, closeInput func(), err error) {
	if path == "-" {
		return corpus.NewScanner(e.stdin, "<stdin>", opt), func() {}, nil
	}
	f, err := openInput(path)
	if err != nil {
		return nil, nil, err
	}
	return corpus.NewScanner(f, path, opt), func() { f.Close() }, nil
}

// sentenceJSON is one line of --format jsonl.
type sentenceJSON struct {
	Text  string      `json:"text"`
	Lang  corpus.Lang `json:"lang"`
	Kind  corpus.Kind `json:"kind"`
	Para  int         `json:"para"`
	Start int         `json:"start"`
	End   int         `json:"end"`
}

func writeSentences(w io.Writer, sents iter.Seq[corpus.Sentence], format string) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for s := range sents {
		var err error
		if format == "jsonl" {
			err = enc.Encode(sentenceJSON{Text: s.Text, Lang: s.Lang, Kind: s.Kind, Para: s.Para, Start: s.Start, End: s.End})
		} else {
			_, err = fmt.Fprintln(w, oneLine(s.Text))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// oneLine joins the lines of a sentence that spans several: with a space,
// or with nothing between two hanzi.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	var b strings.Builder
	for i, line := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
		line = strings.TrimSpace(line)
		if i > 0 && b.Len() > 0 && line != "" {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(line)
			if prev < 0x2E80 || next < 0x2E80 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(line)
	}
	return b.String()
}
