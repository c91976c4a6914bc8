package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/corpus/segment"
	"github.com/bitext/bitext/corpus/tm"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/glossary/check"
	"github.com/bitext/bitext/internal/atomicfile"
	"github.com/urfave/cli/v2"
)

func checkCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "check a translation against a glossary: missing, forbidden and inconsistent terms, numbers, untranslated text",
		ArgsUsage: "(ZH EN | --tmx FILE | --tsv FILE | --xliff FILE)",
		Description: "Checks an English translation of Chinese text against a glossary (any format\n" +
			"\"bitext glossary\" writes, or an OmegaT TSV: zh, en, comment, status). The translation is\n" +
			"two documents (aligned first; a rendering one bead off counts), a TMX, a TSV of\n" +
			"zh<TAB>en lines, or an XLIFF 1.2 or 2.0 file (Trados .sdlxliff segments checked one by\n" +
			"one; translate=\"no\" units and alt-trans skipped).\n\n" +
			"Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or input error\n" +
			"(reported on one line naming the file and line).\n\n" +
			"--ignore FILE dismisses findings: give it a JSON report of this command (keep the\n" +
			"findings to dismiss) or a TSV of kind<TAB>term<TAB>source text of the segment.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary `FILE` (TSV, CSV, TBX or JSON; required)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "report `FORMAT`: text, json, or html (a self-contained page: the segments side by side, findings flagged)"},
			&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 when a finding of this `SEVERITY` or worse is reported: error or warning"},
			&cli.StringFlag{Name: "ignore", Usage: "`FILE` of dismissed findings (a JSON report, or TSV kind, term, segment text)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of standard output"},
			&cli.StringFlag{Name: "tmx", Usage: "check the units of a TMX `FILE`"},
			&cli.StringFlag{Name: "tsv", Usage: "check a TSV `FILE` of zh<TAB>en lines (segment = line number)"},
			&cli.StringFlag{Name: "xliff", Usage: "check an XLIFF 1.2 or 2.0 `FILE` (.xlf, .xliff, .sdlxliff, .mqxliff)"},
			&cli.IntFlag{Name: "year", DefaultText: "the ZH document's date, else the source's first full date", Usage: "`YEAR` of dates written without one, to check weekdays"},
			&cli.BoolFlag{Name: "no-numbers", Usage: "do not check numbers and dates"},
			&cli.BoolFlag{Name: "segment", Usage: "find word boundaries with the gse segmenter (slower to start) instead of the dictionary rule"},
			&cli.StringFlag{Name: "input", Value: "auto", Usage: "`FORMAT` of ZH and EN documents: " + formatList()},
			&cli.StringFlag{Name: "encoding", Usage: "`ENCODING` of ZH and EN documents (default: detect)"},
			&cli.StringSliceFlag{Name: "dict", Usage: "extra bilingual dictionary `FILE` for aligning ZH and EN (zh<TAB>en…)"},
		},
		Action: func(c *cli.Context) error { return runCheck(e, c) },
	}
}

func runCheck(e *env, c *cli.Context) error {
	format := c.String("format")
	if format != "text" && format != "json" && format != "html" {
		return usageErrorf("check: unknown --format %q (want text, json or html)", format)
	}
	if c.String("glossary") == "" {
		// Checked here, not with Required: urfave/cli would print the
		// whole help before the one-line error.
		return usageErrorf("check: give the glossary with --glossary FILE (-g FILE)")
	}
	failOn, ok := check.ParseSeverity(c.String("fail-on"))
	if !ok {
		return usageErrorf("check: unknown --fail-on %q (want error or warning)", c.String("fail-on"))
	}
	sources := 0
	for _, name := range []string{"tmx", "tsv", "xliff"} {
		if c.String(name) != "" {
			sources++
		}
	}
	if c.NArg() > 0 {
		sources++
		if c.NArg() != 2 {
			return usageErrorf("check: want two documents ZH EN, got %d argument(s)", c.NArg())
		}
	}
	if sources != 1 {
		return usageErrorf("check: give the translation as ZH EN, --tmx FILE, --tsv FILE or --xliff FILE (exactly one)")
	}

	entries, err := glossary.ReadFile(c.String("glossary"))
	if _, ok := errors.AsType[*fs.PathError](err); ok {
		err = inputError(c.String("glossary"), err)
	}
	if err != nil {
		return withCode(ExitError, err)
	}
	opt := check.Options{NoNumbers: c.Bool("no-numbers")}
	checker, err := check.New(entries, opt)
	if err != nil {
		return withCode(ExitError, fmt.Errorf("%s: %w", c.String("glossary"), err))
	}
	if c.Bool("segment") {
		seg, err := segment.New(checker.Terms(), false)
		if err != nil {
			return withCode(ExitError, err)
		}
		opt.Segmenter = seg
		if checker, err = check.New(entries, opt); err != nil {
			return withCode(ExitError, err)
		}
	}
	var ignore *check.Ignore
	if path := c.String("ignore"); path != "" {
		f, err := openInput(path)
		if err != nil {
			return withCode(ExitError, err)
		}
		ignore, err = check.ReadIgnore(f, path)
		f.Close()
		if err != nil {
			return withCode(ExitError, err)
		}
	}

	in, err := readCheckInput(c)
	if err != nil {
		return withCode(ExitError, err)
	}
	if y := c.Int("year"); y != 0 {
		in.Year = y
	}
	findings := checker.Check(in)
	sum := check.Summary{Glossary: len(checker.Terms())}
	sum.AddInput(in)
	findings, sum.Ignored = ignore.Filter(findings)
	sum.Add(findings)

	var buf bytes.Buffer
	switch format {
	case "json":
		err = check.WriteJSON(&buf, findings, sum)
	case "html":
		err = writeCheckHTML(&buf, in, findings, sum, entries)
	default:
		err = check.WriteText(&buf, findings, sum)
	}
	if err != nil {
		return withCode(ExitError, err)
	}
	if out := c.String("output"); out != "" {
		if err := atomicfile.WriteFile(out, buf.Bytes()); err != nil {
			return withCode(ExitError, err)
		}
		if format != "text" {
			fmt.Fprintln(e.stderr, check.SummaryLine(sum))
		}
	} else if _, err := e.stdout.Write(buf.Bytes()); err != nil {
		return withCode(ExitError, err)
	}
	if sum.Has(failOn) {
		return withCode(ExitFindings, nil)
	}
	return nil
}

// readCheckInput reads the translation to check from whichever source the
// flags name.
func readCheckInput(c *cli.Context) (*check.Input, error) {
	for _, r := range []struct {
		flag string
		read func(io.Reader, string) ([]check.Segment, error)
	}{{"tsv", check.ReadTSV}, {"xliff", check.ReadXLIFF}, {"tmx", readTMXSegments}} {
		if path := c.String(r.flag); path != "" {
			segs, err := readWith(path, r.read)
			if err != nil {
				return nil, err
			}
			return &check.Input{Name: path, Segments: segs}, nil
		}
	}
	ropt, err := readOptions(c.String("input"), "", c.String("encoding"))
	if err != nil {
		return nil, err
	}
	a, err := newAligner(c)
	if err != nil {
		return nil, err
	}
	zhPath, enPath := c.Args().Get(0), c.Args().Get(1)
	zhOpt, enOpt := ropt, ropt
	zhOpt.Lang, enOpt.Lang = corpus.Chinese, corpus.English
	zh, zhText, err := readCheckDoc(zhPath, zhOpt)
	if err != nil {
		return nil, err
	}
	en, _, err := readCheckDoc(enPath, enOpt)
	if err != nil {
		return nil, err
	}
	if err := wrongLanguage(zh, zhPath, corpus.Chinese); err != nil {
		return nil, err
	}
	if err := wrongLanguage(en, enPath, corpus.English); err != nil {
		return nil, err
	}
	beads, err := a.Align(zh.Sentences, en.Sentences)
	if err != nil {
		return nil, err
	}
	year := metaYear(zh.Meta)
	lineOf := func(off int) int { return 1 + strings.Count(zhText[:min(off, len(zhText))], "\n") }
	in := &check.Input{Name: zhPath, Slack: 1, Year: year, Segments: check.AlignedSegments(zh.Sentences, en.Sentences, beads, lineOf)}
	return in, nil
}

// metaYear is the year of a document's date (front matter or HTML meta:
// "2024-07-06T00:43:13.000Z", "2024年7月6日"), or 0.
func metaYear(meta map[string]string) int {
	d := strings.TrimSpace(meta["date"])
	if len(d) < 4 {
		return 0
	}
	y, err := strconv.Atoi(d[:4])
	if err != nil || y < 1900 || y > 2100 {
		return 0
	}
	return y
}

// readCheckDoc reads one of the two documents and its decoded text (for
// line numbers).
func readCheckDoc(path string, opt corpus.ReadOptions) (*corpus.Document, string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, "", inputError(path, err)
	}
	doc, err := corpus.Read(bytes.NewReader(data), path, opt)
	if err != nil {
		return nil, "", err
	}
	if len(doc.Sentences) == 0 {
		return nil, "", &corpus.ParseError{File: path, Offset: -1, Err: corpus.ErrEmpty}
	}
	text, err := corpus.Decode(data, path, opt.Encoding)
	if err != nil {
		return nil, "", err
	}
	return doc, text, nil
}

func readWith(path string, read func(io.Reader, string) ([]check.Segment, error)) ([]check.Segment, error) {
	f, err := openInput(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return read(f, path)
}

// readTMXSegments reads the units of a TMX file; a unit's position is its
// segment number. A file none of whose units has a Chinese and an English
// variant is an error at its first unit.
func readTMXSegments(r io.Reader, name string) ([]check.Segment, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &corpus.ParseError{File: name, Offset: -1, Err: err}
	}
	tr := tm.NewTMXReader(bytes.NewReader(data), name)
	var segs []check.Segment
	for tr.Scan() {
		u := tr.Unit()
		segs = append(segs, check.Segment{Pos: len(segs) + 1, ID: u.ID, Doc: u.Doc, ZH: u.ZH, EN: u.EN,
			Uncertain: u.HasConfidence && u.Confidence < check.MinConfidence})
	}
	if err := tr.Err(); err != nil {
		return nil, err
	}
	if len(segs) == 0 {
		pe := &corpus.ParseError{File: name, Offset: -1, Err: fmt.Errorf("%w: no translation unit", corpus.ErrEmpty)}
		if n := tr.Skipped(); n > 0 {
			pe.Err = fmt.Errorf("%w: none of its %d unit(s) has both a Chinese (zh*) and an English (en*) variant: is the source language missing?", corpus.ErrSyntax, n)
			if i := firstTU(data); i >= 0 {
				pe.Line = 1 + bytes.Count(data[:i], []byte("\n"))
			}
		}
		return nil, pe
	}
	return segs, nil
}

// firstTU returns the offset of the first <tu> element, or -1.
func firstTU(data []byte) int {
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("<tu"))
		if j < 0 {
			return -1
		}
		i += j + 3
		if i < len(data) && (data[i] == '>' || data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
			return i - 3
		}
	}
}
