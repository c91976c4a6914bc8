package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/corpus/batch"
	"github.com/bitext/bitext/internal/atomicfile"
	"github.com/bitext/bitext/report"
	"github.com/urfave/cli/v2"
)

// alignFlags are the flags of the align command; batch mode (batch.go)
// may append its own.
func alignFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "input", Aliases: []string{"i"}, Value: "auto", Usage: "input `FORMAT`: " + formatList() + " (bilingual: one file holding both editions)"},
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "beads", DefaultText: "beads; tmx with --batch; by -o's extension", Usage: "output `FORMAT`: beads, tsv, jsonl, tmx or html"},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` instead of standard output"},
		&cli.StringSliceFlag{Name: "dict", Usage: "user dictionary `FILE` (zh<TAB>en per line, e.g. a glossary TSV), repeatable"},
		&cli.StringFlag{Name: "encoding", Usage: "`ENCODING` of the input files, e.g. utf-16le, gb18030, big5 (default: detect each)"},
		&cli.BoolFlag{Name: "unrelated", Usage: "align documents even when they do not look like translations of each other (refused by default)"},
		&cli.Float64Flag{Name: "min-confidence", Usage: "leave out beads with confidence below `X` (0–1; html marks them instead)"},
		&cli.BoolFlag{Name: "batch", Usage: "align a whole corpus (see batch mode)"},
	}
}

// alignCommand aligns one document pair.
func alignCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "align",
		Usage:     "align the sentences of a Chinese text with its English edition",
		ArgsUsage: "ZH EN  (FILE with --input bilingual; SOURCE… with --batch)",
		Description: "align reads the Chinese text ZH and its English edition EN (any input format of\n" +
			"bitext split), splits both into sentences and pairs them into beads: 1-1, 2-1, 1-2, …,\n" +
			"and 1-0 or 0-1 for a sentence the other edition leaves out. Each bead has a confidence\n" +
			"between 0 and 1; --min-confidence leaves out the beads below it. --dict adds a user\n" +
			"dictionary (zh<TAB>en per line, a glossary TSV will do) to the built-in one.\n\n" +
			"Output formats (--format; with -o, told by the extension when --format is not given):\n" +
			"   beads   [zh ids]:[en ids] per line, 0-based sentence numbers (the default; the\n" +
			"           .align format of score_alignment.py)\n" +
			"   tsv     zh text<TAB>en text<TAB>bead type<TAB>confidence per bead\n" +
			"   jsonl   {\"zh\":[ids],\"en\":[ids],\"type\":…,\"confidence\":…,\"cost\":…,\"zh_text\":…,\"en_text\":…}\n" +
			"   tmx     a TMX 1.4 translation memory: one unit per bead with both sides (all beads\n" +
			"           with --omissions), zh-CN or zh-TW by the script unless --zh-lang, creationdate\n" +
			"           from --date or $SOURCE_DATE_EPOCH\n" +
			"   html    a self-contained review report (opens from disk): the two texts side by side,\n" +
			"           one row per bead, low-confidence beads marked (below --min-confidence if\n" +
			"           given, else --low-confidence), terms of --dict glossaries highlighted\n\n" +
			"Batch mode (--batch SOURCE…) aligns a whole corpus into one translation memory (-o FILE,\n" +
			"standard output without) or one file per document (--out-dir DIR). A SOURCE is:\n" +
			"   DIR with zh/NAME and en/NAME      the pair NAME for each name on both sides\n" +
			"   DIR of NAME.zh.EXT, NAME.en.EXT   the pair NAME (also one file NAME.zh.EXT)\n" +
			"   manifest (.tsv, .tab, .txt)       id<TAB>zh path<TAB>en path per line, paths relative\n" +
			"                                     to it, # comments skipped\n" +
			"   JSON Lines (.jsonl, .ndjson)      one {\"zh\":…,\"en\":…,\"id\":…,\"date\":…} per line, whole\n" +
			"                                     texts; paragraphs aligned one by one when both\n" +
			"                                     have as many\n" +
			"It first learns word renderings over the whole batch (--no-corpus-model skips this),\n" +
			"then aligns on --jobs workers; the output is the same whatever their number. Formats:\n" +
			"tmx (the default), tsv and jsonl (translation memory units, --columns for tsv), beads\n" +
			"(one .align file per document, with --out-dir) and html (one report, with -o). A progress\n" +
			"bar and a summary go to standard error (not with --quiet); documents that cannot be\n" +
			"read or aligned are skipped with one line each.\n\n" +
			"Examples:\n" +
			"   bitext align zh.txt en.txt\n" +
			"   bitext align --input bilingual --format tsv story.txt\n" +
			"   bitext align -o review.html --dict glossary.tsv zh.html en.html\n" +
			"   bitext align --batch -o corpus.tmx --date 2025-06-19 corpus/\n\n" +
			"Exit status: 0 success; 1 some documents failed (--batch: the others are written);\n" +
			"2 usage or input error (a missing, empty or undecodable file, ZH and EN swapped, a\n" +
			"malformed dictionary line), reported on one line naming the file and the line.",
		Flags: append(alignFlags(), batchFlags()...),
		Action: func(c *cli.Context) error {
			if c.Bool("batch") {
				return runBatch(e, c)
			}
			return runAlign(e, c)
		},
	}
}

func runAlign(e *env, c *cli.Context) error {
	format, err := corpus.ParseFormat(c.String("input"))
	if err != nil {
		return usageErrorf("align: %v", err)
	}
	for _, name := range []string{"jobs", "out-dir", "quiet", "split-confidence", "split-output", "no-corpus-model", "columns"} {
		if c.IsSet(name) {
			return usageErrorf("align: --%s is for --batch", name)
		}
	}
	out := c.String("format")
	if !c.IsSet("format") {
		if f := outputFormat(c.String("output")); f != "" {
			out = f
		}
	}
	switch out {
	case "beads", "tsv", "jsonl", "html", "tmx":
	default:
		return usageErrorf("align: unknown --format %q (want beads, tsv, jsonl, tmx or html)", out)
	}
	minConf := c.Float64("min-confidence")
	if minConf < 0 || minConf > 1 {
		return usageErrorf("align: --min-confidence %v is not between 0 and 1", minConf)
	}
	for _, name := range []string{"zh-lang", "en-lang", "source", "date", "omissions"} {
		if c.IsSet(name) && out != "tmx" {
			return usageErrorf("align: --%s is for --format tmx", name)
		}
	}
	var tmx tmxSettings
	if out == "tmx" {
		if tmx, err = parseTMXFlags(c, e); err != nil {
			return err
		}
	}
	var zh, en *corpus.Document
	if format == corpus.FormatBilingual {
		if c.NArg() != 1 {
			return usageErrorf("align: --input bilingual wants one FILE, got %d arguments", c.NArg())
		}
		opt := corpus.ReadOptions{Encoding: c.String("encoding")}
		if c.Args().Get(0) == "-" {
			zh, en, err = corpus.ReadBilingual(e.stdin, "standard input", opt)
		} else {
			zh, en, err = corpus.ReadBilingualFile(c.Args().Get(0), opt)
		}
	} else {
		if c.NArg() != 2 {
			return usageErrorf("align: want two files, ZH EN (or one with --input bilingual), got %d", c.NArg())
		}
		if c.Args().Get(0) == "-" && c.Args().Get(1) == "-" {
			return usageErrorf("align: only one of ZH and EN can be standard input (-)")
		}
		zh, err = readDocument(e, c.Args().Get(0), corpus.ReadOptions{Format: format, Lang: corpus.Chinese, Encoding: c.String("encoding")})
		if err == nil {
			en, err = readDocument(e, c.Args().Get(1), corpus.ReadOptions{Format: format, Lang: corpus.English, Encoding: c.String("encoding")})
		}
	}
	if err != nil {
		return withCode(ExitError, err)
	}
	for _, d := range []*corpus.Document{zh, en} {
		if len(d.Sentences) == 0 {
			return withCode(ExitError, &corpus.ParseError{File: d.Name, Offset: -1, Err: fmt.Errorf("%w: no %s sentences", corpus.ErrEmpty, langName(d.Lang))})
		}
	}
	if format != corpus.FormatBilingual {
		if err := wrongLanguage(zh, c.Args().Get(0), corpus.Chinese); err != nil {
			return err
		}
		if err := wrongLanguage(en, c.Args().Get(1), corpus.English); err != nil {
			return err
		}
	}
	a, err := newAligner(c)
	if err != nil {
		return withCode(ExitError, err)
	}
	beads, err := a.Align(zh.Sentences, en.Sentences)
	if errors.Is(err, align.ErrUnrelated) {
		err = fmt.Errorf("%s and %s: %w (--unrelated aligns them anyway)", c.Args().Get(0), c.Args().Get(1), err)
	}
	if err != nil {
		return withCode(ExitError, err)
	}
	switch out {
	case "tmx":
		return writePairTMX(e, c, tmx, zh, en, beads, minConf)
	case "html":
		return writePairHTML(e, c, zh, en, beads, minConf)
	}
	write := func(w io.Writer) error {
		return writeAlignment(w, out, beads, zh.Sentences, en.Sentences, minConf)
	}
	if path := c.String("output"); path != "" {
		f, err := atomicfile.Create(path)
		if err != nil {
			return withCode(ExitError, inputError(path, err))
		}
		defer f.Abort()
		if err := write(f); err != nil {
			return withCode(ExitError, err)
		}
		return f.Commit()
	}
	return write(e.stdout)
}

// writePairTMX writes the pair's beads as a translation memory, through
// align --batch's writer: the same units (--omissions, --min-confidence),
// header (--zh-lang or zh-CN/zh-TW by script, --date or SOURCE_DATE_EPOCH)
// and atomic output.
func writePairTMX(e *env, c *cli.Context, settings tmxSettings, zh, en *corpus.Document, beads []align.Bead, minConf float64) error {
	r := &batchRun{e: e, format: "tmx", settings: settings, minConf: minConf, omissions: c.Bool("omissions")}
	r.settings.header.ZHLang = chineseCode(e, r.settings.header.ZHLang, corpus.IsTraditional(textStart(zh.Sentences)))
	s, err := r.newFileSink(c.String("output"), "")
	if err != nil {
		return withCode(ExitError, inputError(c.String("output"), err))
	}
	res := &batch.Result{Doc: &batch.Doc{Pair: batch.Pair{ID: docID(zh.Name)}, ZH: zh, EN: en}, Beads: beads}
	if err := s.write(res); err != nil {
		s.abort()
		return withCode(ExitError, err)
	}
	if err := s.commit(); err != nil {
		s.abort()
		return withCode(ExitError, err)
	}
	return nil
}

// writePairHTML writes the HTML review report of the pair. The report
// shows every bead, so that unaligned sentences stay visible:
// --min-confidence marks the beads below it as low-confidence rather than
// leaving them out (--low-confidence otherwise).
func writePairHTML(e *env, c *cli.Context, zh, en *corpus.Document, beads []align.Bead, minConf float64) error {
	low := c.Float64("low-confidence")
	if c.IsSet("min-confidence") {
		low = minConf
	}
	title := "bitext align: " + zh.Name
	if en.Name != zh.Name {
		title += " " + en.Name
	}
	h := newAlignHTML(title, c.StringSlice("dict"), low)
	h.add(docID(zh.Name), zh.Sentences, en.Sentences, beads)
	h.stats = []report.Stat{
		{Label: "Sentences (zh / en)", Value: fmt.Sprintf("%d / %d", len(zh.Sentences), len(en.Sentences))},
		{Label: "Beads", Value: strconv.Itoa(len(beads))},
	}
	var out *atomicfile.File
	var w io.Writer = e.stdout
	if path := c.String("output"); path != "" {
		f, err := atomicfile.Create(path)
		if err != nil {
			return withCode(ExitError, inputError(path, err))
		}
		defer f.Abort()
		out, w = f, f
	}
	if err := h.write(w); err != nil {
		return withCode(ExitError, err)
	}
	if out != nil {
		if err := out.Commit(); err != nil {
			return withCode(ExitError, err)
		}
	}
	return nil
}

// docID names a document by its file: the base name without extension.
func docID(path string) string {
	base := filepath.Base(path)
	if id := strings.TrimSuffix(base, filepath.Ext(base)); id != "" {
		return id
	}
	return base
}

// textStart is the start of the text of ss, enough to tell its script.
func textStart(ss []corpus.Sentence) string {
	var sb strings.Builder
	for _, s := range ss {
		if sb.Len() > 8000 {
			break
		}
		sb.WriteString(s.Text)
	}
	return sb.String()
}

// beadJSON is one line of --format jsonl.
type beadJSON struct {
	ZH         []int   `json:"zh"`
	EN         []int   `json:"en"`
	Type       string  `json:"type"`
	Confidence float64 `json:"confidence"`
	Cost       float64 `json:"cost"`
	ZHText     string  `json:"zh_text"`
	ENText     string  `json:"en_text"`
}

func writeAlignment(w io.Writer, format string, beads []align.Bead, zh, en []corpus.Sentence, minConf float64) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, b := range beads {
		if b.Confidence < minConf {
			continue
		}
		zt, et := joinText(zh, b.ZH, ""), joinText(en, b.EN, " ")
		var err error
		switch format {
		case "beads":
			_, err = fmt.Fprintln(w, align.FormatBead(b))
		case "tsv":
			_, err = fmt.Fprintf(w, "%s\t%s\t%s\t%.3f\n", tsvField(zt), tsvField(et), align.TypeOf(b), b.Confidence)
		case "jsonl":
			err = enc.Encode(beadJSON{ZH: nonNil(b.ZH), EN: nonNil(b.EN), Type: align.TypeOf(b),
				Confidence: round3(b.Confidence), Cost: round3(b.Cost), ZHText: zt, ENText: et})
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func joinText(ss []corpus.Sentence, ids []int, sep string) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = ss[id].Text
	}
	return strings.Join(parts, sep)
}

// tsvField keeps a field on one line and free of tabs.
func tsvField(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}

func nonNil(ids []int) []int {
	if ids == nil {
		return []int{}
	}
	return ids
}

func round3(x float64) float64 { return float64(int64(x*1000+0.5)) / 1000 }

// newAligner configures an aligner from the common flags (--dict).
func newAligner(c *cli.Context) (*align.Aligner, error) {
	a := &align.Aligner{Unrelated: c.Bool("unrelated")}
	for _, path := range c.StringSlice("dict") {
		f, err := openInput(path)
		if err != nil {
			return nil, err
		}
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			f.Close()
			return nil, &corpus.ParseError{File: path, Offset: -1, Err: errors.New("is a directory, not a dictionary file")}
		}
		l, err := align.LoadDict(f, path)
		f.Close()
		if err != nil {
			return nil, err
		}
		if a.Lexicon == nil {
			a.Lexicon = l
		} else {
			a.Lexicon.Merge(l)
		}
	}
	return a, nil
}

// readDocument reads a file, or standard input for "-".
func readDocument(e *env, path string, opt corpus.ReadOptions) (*corpus.Document, error) {
	if path == "-" {
		return corpus.Read(e.stdin, "standard input", opt)
	}
	return corpus.ReadFile(path, opt)
}

// langName is the English name of a language, for messages.
func langName(l corpus.Lang) string {
	if l == corpus.Chinese {
		return "Chinese"
	}
	return "English"
}
