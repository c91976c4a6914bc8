package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/glossary/check"
)

const checkGlossary = "一带一路\tBelt and Road Initiative\n" +
	"一带一路\tBelt and Road\t\tadmitted\n" +
	"一带一路\tOne Belt One Road\tsuperseded\tforbidden\n" +
	"新闻发布会\tpress conference\n" +
	"新闻发布会\tnews conference\n" +
	"乡村振兴\trural revitalization\n"

func checkFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCheckTSV(t *testing.T) {
	t.Parallel()
	dir := checkFiles(t, map[string]string{
		"g.tsv": checkGlossary,
		"s.tsv": "# review batch\n" +
			"推进一带一路建设。\tPromote the One Belt One Road.\n" +
			"乡村振兴战略\tthe rural revitalisation strategy\n" +
			"观众达12万人。\tThe audience reached 12,000.\n" +
			"新闻发布会\tat a press conference\n" +
			"新闻发布会\tat a news conference\n" +
			"新闻发布会\tat the press conference\n" +
			"会议结束。\tThe meeting ended 会议.\n",
	})
	code, out, stderr := runCLI(t, "", "check", "--glossary", filepath.Join(dir, "g.tsv"), "--format", "json", "--tsv", filepath.Join(dir, "s.tsv"))
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d; stderr %s", code, ExitFindings, stderr)
	}
	var rep check.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var got []string
	for _, f := range rep.Findings {
		got = append(got, f.Kind.String()+"@"+itoa(f.Segment)+":"+f.Term())
	}
	want := []string{"missing-term@2:一带一路", "forbidden-term@2:One Belt One Road", "number-mismatch@4:12万",
		"inconsistent-term@6:新闻发布会", "untranslated@8:会议"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("findings\n got %v\nwant %v", got, want)
	}
	s := rep.Summary
	if s.Segments != 7 || s.Findings != 5 || s.Errors != 4 || s.Warnings != 1 || s.ByKind[check.MissingTerm] != 1 || s.ByKind[check.ForbiddenTerm] != 1 {
		t.Errorf("summary %+v", s)
	}
	if !strings.Contains(out, `"segment": 2`) || !strings.Contains(out, `"zh_term": "一带一路"`) || !strings.Contains(out, `"expected": [`) {
		t.Errorf("JSON fields missing:\n%s", out)
	}

	// Text report: location, marked term, expectation, summary.
	code, out, _ = runCLI(t, "", "check", "-g", filepath.Join(dir, "g.tsv"), "--tsv", filepath.Join(dir, "s.tsv"))
	for _, want := range []string{"s.tsv:2: error missing-term", "推进【一带一路】建设", "Promote the [One Belt One Road].", "expected: Belt and Road Initiative | Belt and Road", "note: superseded", "5 finding(s) (4 error(s), 1 warning(s)) in 7 segment(s)"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
	if code != ExitFindings {
		t.Errorf("exit %d", code)
	}

	// Dismiss everything with the JSON report itself: clean run.
	report := filepath.Join(dir, "report.json")
	if code, _, stderr := runCLI(t, "", "check", "-g", filepath.Join(dir, "g.tsv"), "--format", "json", "-o", report, "--tsv", filepath.Join(dir, "s.tsv")); code != ExitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	code, out, stderr = runCLI(t, "", "check", "-g", filepath.Join(dir, "g.tsv"), "--ignore", report, "--tsv", filepath.Join(dir, "s.tsv"))
	if code != ExitOK || !strings.Contains(out, "0 finding(s)") || !strings.Contains(out, "5 dismissed") {
		t.Errorf("with --ignore: exit %d\n%s%s", code, out, stderr)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestCheckFailOn(t *testing.T) {
	t.Parallel()
	dir := checkFiles(t, map[string]string{
		"g.tsv":    checkGlossary,
		"warn.tsv": "新闻发布会\tat a press conference\n新闻发布会\tat a press conference\n新闻发布会\tat a news conference\n",
		"ignore.tsv": "# kind\tterm\tsource text\n" +
			"inconsistent-term\t新闻发布会\t新闻发布会\n",
	})
	g, s := filepath.Join(dir, "g.tsv"), filepath.Join(dir, "warn.tsv")
	if code, out, _ := runCLI(t, "", "check", "-g", g, "--tsv", s); code != ExitOK || !strings.Contains(out, "inconsistent-term") {
		t.Errorf("--fail-on error with a warning: exit %d\n%s", code, out)
	}
	if code, _, _ := runCLI(t, "", "check", "-g", g, "--fail-on", "warning", "--tsv", s); code != ExitFindings {
		t.Errorf("--fail-on warning with a warning: exit %d", code)
	}
	if code, out, _ := runCLI(t, "", "check", "-g", g, "--fail-on", "warning", "--ignore", filepath.Join(dir, "ignore.tsv"), "--tsv", s); code != ExitOK {
		t.Errorf("TSV ignore file: exit %d\n%s", code, out)
	}
}

func TestCheckXLIFFAndTMX(t *testing.T) {
	t.Parallel()
	dir := checkFiles(t, map[string]string{
		"g.tsv": checkGlossary,
		"a.xlf": `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file source-language="zh-CN" target-language="en" datatype="plaintext" original="a"><body>
<trans-unit id="t1"><source>推进<g id="1">一带一路</g>建设</source><target>Promote the <g id="1">Belt and Road</g></target></trans-unit>
<trans-unit id="t2"><source>乡村振兴</source><target>rural renewal</target></trans-unit>
</body></file></xliff>`,
		"a.tmx": `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="zh-CN" datatype="plaintext"/>
<body>
<tu tuid="1"><tuv xml:lang="zh-CN"><seg>乡村振兴</seg></tuv><tuv xml:lang="en-US"><seg>rural revitalization</seg></tuv></tu>
<tu tuid="2"><tuv xml:lang="zh-CN"><seg>推进一带一路建设</seg></tuv><tuv xml:lang="en-US"><seg>Promote the Silk Road</seg></tuv></tu>
</body></tmx>`,
	})
	code, out, stderr := runCLI(t, "", "check", "-g", filepath.Join(dir, "g.tsv"), "--xliff", filepath.Join(dir, "a.xlf"))
	if code != ExitFindings || !strings.Contains(out, "a.xlf:5: segment 2 (t2): error missing-term") || strings.Contains(out, "segment 1") {
		t.Errorf("xliff: exit %d\n%s%s", code, out, stderr)
	}
	code, out, stderr = runCLI(t, "", "check", "-g", filepath.Join(dir, "g.tsv"), "--tmx", filepath.Join(dir, "a.tmx"))
	if code != ExitFindings || !strings.Contains(out, "segment 2 (2): error missing-term") || !strings.Contains(out, "1 finding(s)") {
		t.Errorf("tmx: exit %d\n%s%s", code, out, stderr)
	}
}

// TestCheckDocuments: two documents are aligned first; a rendering in the
// neighbouring bead counts.
func TestCheckDocuments(t *testing.T) {
	t.Parallel()
	dir := checkFiles(t, map[string]string{
		"g.tsv":  checkGlossary,
		"zh.txt": "各方同意推进一带一路建设。\n\n会议在北京举行，气氛友好。\n\n与会者表示满意。\n\n乡村振兴是重点。\n",
		"en.txt": "All parties agreed to promote construction.\n\nThe meeting, on the Belt and Road Initiative, was held in Beijing in a friendly atmosphere.\n\nParticipants expressed satisfaction.\n\nRural renewal is the focus.\n",
	})
	code, out, stderr := runCLI(t, "", "check", "-g", filepath.Join(dir, "g.tsv"), "--format", "json", filepath.Join(dir, "zh.txt"), filepath.Join(dir, "en.txt"))
	if code != ExitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep check.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 1 || rep.Findings[0].ZHTerm != "乡村振兴" || rep.Findings[0].Line != 7 {
		t.Errorf("findings: %s", out)
	}
}

// TestCheckSwapped: ZH and EN given the wrong way round is a usage error,
// not a report of untranslated text.
func TestCheckSwapped(t *testing.T) {
	t.Parallel()
	dir := checkFiles(t, map[string]string{
		"g.tsv":  checkGlossary,
		"zh.txt": "各方同意推进一带一路建设。\n",
		"en.txt": "All parties agreed to promote the Belt and Road Initiative.\n",
	})
	en := filepath.Join(dir, "en.txt")
	code, out, stderr := runCLI(t, "", "check", "-g", filepath.Join(dir, "g.tsv"), en, filepath.Join(dir, "zh.txt"))
	if code != ExitError || out != "" || !strings.Contains(stderr, en+": given as the Chinese text, but it is English") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
}

func TestCheckBadInput(t *testing.T) {
	t.Parallel()
	dir := checkFiles(t, map[string]string{
		"g.tsv":        checkGlossary,
		"notarget.tsv": "一带一路\tBelt and Road Initiative\n国会\t\n",
		"s.tsv":        "推进一带一路建设\tPromote the Belt and Road\n",
		"notab.tsv":    "推进一带一路建设\tPromote the Belt and Road\nno tab here\n",
		"latin1.tsv":   "caf\xe9\tcafe\n",
		"nozh.tmx": `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" datatype="plaintext"/>
<body>
<tu><tuv xml:lang="en"><seg>Hello</seg></tuv></tu>
</body></tmx>`,
		"notarget.xlf": "<xliff version=\"1.2\">\n<file source-language=\"zh\"><body>\n<trans-unit id=\"1\"><source>一</source></trans-unit>\n</body></file></xliff>",
	})
	p := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-g", p("notarget.tsv"), "--tsv", p("s.tsv")}, "notarget.tsv:2:"},
		{[]string{"-g", p("g.tsv"), "--tsv", p("notab.tsv")}, "notab.tsv:2: syntax error: no tab"},
		{[]string{"-g", p("g.tsv"), "--tmx", p("nozh.tmx")}, "nozh.tmx:4: syntax error: none of its 1 unit(s) has both a Chinese"},
		{[]string{"-g", p("g.tsv"), "--xliff", p("notarget.xlf")}, "notarget.xlf:3: no <target>"},
		{[]string{"-g", p("g.tsv"), "--tsv", p("missing.tsv")}, "missing.tsv"},
		{[]string{"-g", p("missing.tsv"), "--tsv", p("s.tsv")}, p("missing.tsv") + ": no such file"},
		{[]string{"-g", p("g.tsv"), "--tsv", p("latin1.tsv")}, "latin1.tsv:1:4: invalid or unknown text encoding"},
		{[]string{"-g", p("g.tsv")}, "exactly one"},
		{[]string{"-g", p("g.tsv"), "--tsv", p("s.tsv"), "--xliff", p("notarget.xlf")}, "exactly one"},
		{[]string{"-g", p("g.tsv"), "--format", "xml", "--tsv", p("s.tsv")}, "unknown --format"},
		{[]string{"-g", p("g.tsv"), "--fail-on", "info", "--tsv", p("s.tsv")}, "unknown --fail-on"},
		{[]string{"--tsv", p("s.tsv")}, "--glossary FILE"},
	}
	for _, tt := range tests {
		code, stdout, stderr := runCLI(t, "", append([]string{"check"}, tt.args...)...)
		if stdout != "" {
			t.Errorf("%v: output %.80q besides the error", tt.args, stdout)
		}
		if code != ExitError || !strings.Contains(stderr, tt.want) || strings.Count(stderr, "\n") != 1 || strings.Contains(stderr, "open ") {
			t.Errorf("%v: exit %d, stderr %q, want one line with %q", tt.args, code, stderr, tt.want)
		}
	}
}

func TestCheckHTML(t *testing.T) {
	t.Parallel()
	dir := checkFiles(t, map[string]string{
		"g.tsv": checkGlossary,
		"s.tsv": "推进一带一路建设。\tPromote the One Belt One Road.\n乡村振兴\trural revitalization\n",
	})
	out := filepath.Join(dir, "report.html")
	code, stdout, stderr := runCLI(t, "", "check", "-g", filepath.Join(dir, "g.tsv"), "--format", "html", "-o", out, "--tsv", filepath.Join(dir, "s.tsv"))
	if code != ExitFindings || stdout != "" || !strings.Contains(stderr, "2 finding(s)") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<html", "One Belt One Road", "forbidden-term"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("HTML report lacks %q", want)
		}
	}
}

// TestCheckGlossaryFormats: every format bitext glossary writes is read,
// with statuses (forbidden, admitted, rejected) and case sensitivity kept.
func TestCheckGlossaryFormats(t *testing.T) {
	t.Parallel()
	entries := []glossary.Entry{
		{ZH: "一带一路", EN: "Belt and Road Initiative", Status: glossary.Approved},
		{ZH: "一带一路", EN: "Belt and Road", Status: glossary.Admitted},
		{ZH: "一带一路", EN: "One Belt One Road", Status: glossary.Forbidden},
		{ZH: "全国人大", EN: "NPC", Status: glossary.Preferred, CaseSensitive: true},
		{ZH: "乡村振兴", EN: "rural renewal", Status: glossary.Rejected},
		{ZH: "乡村振兴", EN: "rural revitalization", Status: glossary.Approved},
	}
	dir := checkFiles(t, map[string]string{
		"s.tsv": "推进一带一路建设。\tPromote One Belt One Road.\n全国人大\tthe npc\n乡村振兴\trural renewal\n一带一路\tBelt and Road\n",
	})
	for _, format := range glossary.Formats {
		var buf bytes.Buffer
		if err := glossary.Write(&buf, format, entries); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "g."+format)
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, stderr := runCLI(t, "", "check", "-g", path, "--format", "json", "--no-numbers", "--tsv", filepath.Join(dir, "s.tsv"))
		var rep check.Report
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%s: exit %d, %v: %s", format, code, err, stderr)
		}
		var got []string
		for _, f := range rep.Findings {
			got = append(got, itoa(f.Segment)+" "+f.Kind.String()+" "+f.Term())
		}
		want := "1 missing-term 一带一路|1 forbidden-term One Belt One Road|2 missing-term 全国人大|3 missing-term 乡村振兴"
		if strings.Join(got, "|") != want {
			t.Errorf("%s glossary: got %q, want %q", format, strings.Join(got, "|"), want)
		}
	}
}

// TestCheckWeekday: a weekday renders a date when the year is known from
// the document's front matter or from --year.
func TestCheckWeekday(t *testing.T) {
	t.Parallel()
	dir := checkFiles(t, map[string]string{
		"g.tsv":  checkGlossary,
		"zh.md":  "---\ntitle: 会议\ndate: 2025-06-19T08:00:00Z\n---\n\n新华社北京6月17日电 会议在北京开幕。\n",
		"en.md":  "---\ntitle: Meeting\n---\n\nBEIJING (Xinhua) -- The meeting opened in Beijing on Tuesday.\n",
		"en2.md": "---\ntitle: Meeting\n---\n\nBEIJING (Xinhua) -- The meeting opened in Beijing on Monday.\n",
		"s.tsv":  "6月17日，会议开幕。\tThe meeting opened on Tuesday.\n",
	})
	p := func(name string) string { return filepath.Join(dir, name) }
	if code, out, stderr := runCLI(t, "", "check", "-g", p("g.tsv"), p("zh.md"), p("en.md")); code != ExitOK {
		t.Errorf("front-matter year: exit %d\n%s%s", code, out, stderr)
	}
	if code, out, _ := runCLI(t, "", "check", "-g", p("g.tsv"), p("zh.md"), p("en2.md")); code != ExitFindings || !strings.Contains(out, "6月17日 (June 17, 2025 (Tuesday))") {
		t.Errorf("front-matter year, wrong weekday: exit %d\n%s", code, out)
	}
	if code, out, _ := runCLI(t, "", "check", "-g", p("g.tsv"), "--tsv", p("s.tsv")); code != ExitFindings || !strings.Contains(out, "number-mismatch") {
		t.Errorf("no year: exit %d\n%s", code, out)
	}
	if code, out, _ := runCLI(t, "", "check", "-g", p("g.tsv"), "--year", "2025", "--tsv", p("s.tsv")); code != ExitOK {
		t.Errorf("--year 2025: exit %d\n%s", code, out)
	}
}
