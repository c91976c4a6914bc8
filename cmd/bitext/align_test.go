package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const (
	tinyZH = "习近平会见塔吉克斯坦总统。\n中国支持塔吉克斯坦。\n双方签署了合作文件。\n"
	tinyEN = "Xi meets Tajik president.\nChina supports Tajikistan.\nThe two sides signed cooperation documents.\n"
)

func TestAlignLines(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"zh.txt": tinyZH, "en.txt": tinyEN})
	code, out, stderr := runCLI(t, "", "align", "--input", "lines", filepath.Join(dir, "zh.txt"), filepath.Join(dir, "en.txt"))
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := "[0]:[0]\n[1]:[1]\n[2]:[2]\n"; out != want {
		t.Errorf("beads:\n%s\nwant\n%s", out, want)
	}
	code, out, stderr = runCLI(t, "", "align", "--input", "lines", "--format", "tsv", filepath.Join(dir, "zh.txt"), filepath.Join(dir, "en.txt"))
	if code != ExitOK || !strings.HasPrefix(out, "习近平会见塔吉克斯坦总统。\tXi meets Tajik president.\t1-1\t") {
		t.Errorf("tsv: exit %d, %q %s", code, out, stderr)
	}
}

func TestAlignBadDict(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"zh.txt": tinyZH, "en.txt": tinyEN, "dict.tsv": "# glossary\n中国\tChina\n塔吉克斯坦 Tajikistan\n"})
	code, _, stderr := runCLI(t, "", "align", "--input", "lines", "--dict", filepath.Join(dir, "dict.tsv"), filepath.Join(dir, "zh.txt"), filepath.Join(dir, "en.txt"))
	if code != ExitError || !strings.Contains(stderr, "dict.tsv:3") {
		t.Errorf("exit %d, stderr %q: want an error naming dict.tsv:3", code, stderr)
	}
}

func TestAlignEmptyInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"zh.txt": tinyZH, "en.txt": ""})
	code, _, stderr := runCLI(t, "", "align", "--input", "lines", filepath.Join(dir, "zh.txt"), filepath.Join(dir, "en.txt"))
	if code != ExitError || !strings.Contains(stderr, "en.txt") {
		t.Errorf("exit %d, stderr %q: want an error naming en.txt", code, stderr)
	}
}

func TestEvalTiny(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"zh/001": tinyZH, "en/001": tinyEN, "gold/001.align": "[0]:[0]\n[1]:[1]\n[2]:[2]\n",
		"zh/001.tok": "ignored", "en/001.trans": "ignored",
	})
	pred := filepath.Join(dir, "pred")
	os.Mkdir(pred, 0o755)
	code, out, stderr := runCLI(t, "", "eval", "--pred-dir", pred, filepath.Join(dir, "zh"), filepath.Join(dir, "en"), filepath.Join(dir, "gold"))
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "F1             1.0000   1.0000") {
		t.Errorf("output:\n%s", out)
	}
	if data, err := os.ReadFile(filepath.Join(pred, "001.align")); err != nil || string(data) != "[0]:[0]\n[1]:[1]\n[2]:[2]\n" {
		t.Errorf("prediction file: %q %v", data, err)
	}
}

func TestEvalBadGold(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"zh/001": tinyZH, "en/001": tinyEN, "gold/001.align": "[0]:[0]\n[1]:[1]\n[2]:[2,3]\n",
	})
	code, _, stderr := runCLI(t, "", "eval", filepath.Join(dir, "zh"), filepath.Join(dir, "en"), filepath.Join(dir, "gold"))
	if code != ExitError || !strings.Contains(stderr, "001.align:3") {
		t.Errorf("exit %d, stderr %q: want an error naming 001.align:3", code, stderr)
	}
}

// TestEvalAgreesWithScorer checks that eval's numbers equal those of
// ../shared/eval/score_alignment.py on news-dev.
func TestEvalAgreesWithScorer(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	set := filepath.Join("..", "..", "..", "shared", "eval")
	script := filepath.Join(set, "score_alignment.py")
	if _, err := os.Stat(script); err != nil {
		t.Skip("no ../shared/eval")
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("no python3")
	}
	news := filepath.Join(set, "news-dev")
	pred := t.TempDir()
	code, out, stderr := runCLI(t, "", "eval", "--pred-dir", pred, filepath.Join(news, "zh"), filepath.Join(news, "en"), filepath.Join(news, "gold"))
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	py, err := exec.Command("python3", script, filepath.Join(news, "gold"), pred).Output()
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?m)^  (precision|recall|F1) +[0-9.]+ +[0-9.]+$`)
	got, want := re.FindAllString(out, -1), re.FindAllString(string(py), -1)
	if len(want) != 3 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("eval:\n%s\nscore_alignment.py:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestAlignSeed checks the seed article (Chinese and English editions in
// one file): the Chinese sentence ending in 打击“三股势力” goes with the four
// English sentences rendering it, the second photo caption and its credit
// go with the English caption, and Rahmon's remarks, absent in English,
// are left unaligned.
func TestAlignSeed(t *testing.T) {
	t.Parallel()
	code, out, stderr := runCLI(t, "", "align", "--input", "bilingual", "--format", "jsonl", filepath.Join("..", "..", "testdata", "align", "seed-001.txt"))
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var beads []beadJSON
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var b beadJSON
		if err := json.Unmarshal([]byte(line), &b); err != nil {
			t.Fatal(err)
		}
		beads = append(beads, b)
	}
	find := func(zh string) beadJSON {
		for _, b := range beads {
			if strings.Contains(b.ZHText, zh) {
				return b
			}
		}
		t.Fatalf("no bead holds %q", zh)
		return beadJSON{}
	}
	b := find("打击“三股势力”")
	if !strings.HasPrefix(b.ENText, "China and Tajikistan should give full play") || !strings.HasSuffix(b.ENText, "terrorism, separatism and extremism.") || len(b.EN) != 4 {
		t.Errorf("三股势力 bead: %s %q", b.Type, b.ENText)
	}
	b = find("新华社记者 燕雁 摄")
	if !strings.Contains(b.ZHText, "当地时间6月17日上午") || !strings.HasSuffix(b.ENText, "(Xinhua/Yan Yan)") || len(b.EN) != 1 {
		t.Errorf("caption bead: %q ↔ %q", b.ZHText, b.ENText)
	}
	for _, zh := range []string{"拉赫蒙表示", "双方正积极落实访问成果", "塔方愿同中方保持密切高层交往"} {
		if b := find(zh); len(b.EN) != 0 {
			t.Errorf("%s… is aligned to %q, want unaligned", zh, b.ENText)
		}
	}
}

// TestAlignHTML checks the single-pair HTML review report: on standard
// output with --format html, into -o FILE.html by its extension, one row
// per bead.
func TestAlignHTML(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"zh.txt": tinyZH, "en.txt": tinyEN})
	zh, en := filepath.Join(dir, "zh.txt"), filepath.Join(dir, "en.txt")
	code, page, stderr := runCLI(t, "", "align", "--input", "lines", "--format", "html", zh, en)
	if code != ExitOK || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	out := filepath.Join(dir, "review.html")
	if code, stdout, stderr := runCLI(t, "", "align", "--input", "lines", "-o", out, zh, en); code != ExitOK || stdout != "" || stderr != "" {
		t.Fatalf("-o review.html: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	file, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for name, p := range map[string]string{"stdout": page, "file": string(file)} {
		m := regexp.MustCompile(`(?s)<script type="application/json" id="data">(.*?)</script>`).FindStringSubmatch(p)
		if !strings.HasPrefix(p, "<!DOCTYPE html>") || m == nil {
			t.Fatalf("%s: not an HTML report: %.200s", name, p)
		}
		var d struct{ Rows []json.RawMessage }
		if err := json.Unmarshal([]byte(m[1]), &d); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(p, "<title>bitext align: "+zh+" "+en+"</title>") {
			t.Errorf("%s: title does not name the two files", name)
		}
		if len(d.Rows) != 3 || !strings.Contains(m[1], "双方签署了合作文件。") || !strings.Contains(m[1], "Tajik president") {
			t.Errorf("%s: %d rows, want 3 with both texts: %.300s", name, len(d.Rows), m[1])
		}
	}
}

// TestAlignTMX checks the single-pair translation memory: the Chinese
// language code by script, the creation date from --date or
// SOURCE_DATE_EPOCH (none without), one unit per 1-1 bead.
func TestAlignTMX(t *testing.T) {
	dir := t.TempDir()
	trad := "習近平會見塔吉克斯坦總統。\n中國支持塔吉克斯坦。\n雙方簽署了合作檔案。\n"
	writeFiles(t, dir, map[string]string{"zh.txt": tinyZH, "tw.txt": trad, "en.txt": tinyEN})
	zh, tw, en := filepath.Join(dir, "zh.txt"), filepath.Join(dir, "tw.txt"), filepath.Join(dir, "en.txt")
	t.Setenv("SOURCE_DATE_EPOCH", "")
	code, out, stderr := runCLI(t, "", "align", "--input", "lines", "--format", "tmx", zh, en)
	if code != ExitOK || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Count(out, "<tu ") != 3 || !strings.Contains(out, `srclang="zh-CN"`) || strings.Contains(out, "creationdate") ||
		!strings.Contains(out, `<tuv xml:lang="zh-CN"><seg>双方签署了合作文件。</seg></tuv>`) {
		t.Errorf("TMX:\n%s", out)
	}
	tmx := filepath.Join(dir, "out.tmx")
	code, _, stderr = runCLI(t, "", "align", "--input", "lines", "--date", "2025-06-19", "-o", tmx, tw, en)
	data, err := os.ReadFile(tmx)
	if code != ExitOK || err != nil {
		t.Fatalf("-o out.tmx: exit %d, %v: %s", code, err, stderr)
	}
	if !strings.Contains(string(data), `srclang="zh-TW"`) || !strings.Contains(string(data), `creationdate="20250619T000000Z"`) {
		t.Errorf("traditional, --date:\n%s", data)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1750291200")
	if _, out, _ := runCLI(t, "", "align", "--input", "lines", "--format", "tmx", zh, en); !strings.Contains(out, `creationdate="20250619T000000Z"`) {
		t.Errorf("SOURCE_DATE_EPOCH: no creationdate in\n%.400s", out)
	}
}

// TestAlignSwapped checks that EN ZH (or the same language twice) is a
// one-line usage error naming the misplaced file.
func TestAlignSwapped(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"zh.txt": tinyZH, "en.txt": tinyEN, "zh2.txt": tinyZH})
	zh, en, zh2 := filepath.Join(dir, "zh.txt"), filepath.Join(dir, "en.txt"), filepath.Join(dir, "zh2.txt")
	for _, tc := range []struct {
		args []string
		file string
	}{
		{[]string{en, zh}, en},
		{[]string{zh, zh2}, zh2},
		{[]string{"--format", "tmx", en, zh}, en},
	} {
		code, out, stderr := runCLI(t, "", append([]string{"align", "--input", "lines"}, tc.args...)...)
		if code != ExitError || out != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tc.file+": given as the") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q: want exit %d and one line naming %s", tc.args, code, out, stderr, ExitError, tc.file)
		}
	}
}

// TestAlignEvalQuietStderr guards that a normal run writes nothing to
// standard error: no debug output, in any format.
func TestAlignEvalQuietStderr(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"zh.txt": tinyZH, "en.txt": tinyEN,
		"zh/001": tinyZH, "en/001": tinyEN, "gold/001.align": "[0]:[0]\n[1]:[1]\n[2]:[2]\n",
	})
	zh, en := filepath.Join(dir, "zh.txt"), filepath.Join(dir, "en.txt")
	runs := [][]string{
		{"align", "--input", "bilingual", filepath.Join("..", "..", "testdata", "align", "seed-001.txt")},
		{"eval", "--pred-dir", filepath.Join(dir, "pred"), filepath.Join(dir, "zh"), filepath.Join(dir, "en"), filepath.Join(dir, "gold")},
	}
	for _, f := range []string{"beads", "tsv", "jsonl", "tmx", "html"} {
		runs = append(runs, []string{"align", "--format", f, zh, en}, []string{"align", "-o", filepath.Join(dir, "out."+f), zh, en})
	}
	for _, args := range runs {
		if code, _, stderr := runCLI(t, "", args...); code != ExitOK || stderr != "" {
			t.Errorf("%v: exit %d, stderr %q: want 0 and nothing", args, code, stderr)
		}
	}
}

// TestAlignFlagMisuse checks that flags a single pair would ignore are
// usage errors rather than silently dropped.
func TestAlignFlagMisuse(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"zh.txt": tinyZH, "en.txt": tinyEN})
	zh, en := filepath.Join(dir, "zh.txt"), filepath.Join(dir, "en.txt")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--out-dir", dir, zh, en}, "--out-dir is for --batch"},
		{[]string{"--no-corpus-model", zh, en}, "--no-corpus-model is for --batch"},
		{[]string{"--columns", "zh,en,doc", zh, en}, "--columns is for --batch"},
		{[]string{"--date", "2025-06-19", zh, en}, "--date is for --format tmx"},
		{[]string{"--format", "tsv", "--omissions", zh, en}, "--omissions is for --format tmx"},
		{[]string{zh}, "want two files"},
	} {
		code, out, stderr := runCLI(t, "", append([]string{"align"}, tc.args...)...)
		if code != ExitError || out != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q: want exit %d and %q", tc.args, code, out, stderr, ExitError, tc.want)
		}
	}
	if code, _, stderr := runCLI(t, "", "align", "--date", "2025-06-19", "-o", filepath.Join(dir, "x.tmx"), zh, en); code != ExitOK {
		t.Errorf("--date with -o x.tmx: exit %d: %s", code, stderr)
	}
}

// TestAlignUnrelated: two documents that are not translations of each
// other are refused with a clear error, unless --unrelated.
func TestAlignUnrelated(t *testing.T) {
	dir := t.TempDir()
	zh, en := filepath.Join(dir, "zh.txt"), filepath.Join(dir, "en.txt")
	zhText := strings.Join([]string{
		"今年春天，北方多地气温偏高，降水偏少。", "气象部门提醒农民做好抗旱准备。", "小麦主产区的土壤墒情总体偏差。",
		"水利部门加快修建灌溉设施。", "专家建议调整播种时间。", "部分地区出现了轻度干旱。",
		"农业农村部派出工作组赴各地指导。", "预计下周将有一次明显的降雨过程。", "各地正在抓紧储备化肥和种子。",
		"粮食生产总体保持稳定。",
	}, "\n")
	enText := strings.Join([]string{
		"The home side scored twice in the first half.", "Their captain limped off with a knee injury.",
		"The visitors pulled one back after the break.", "A late penalty was saved by the goalkeeper.",
		"Fans sang long after the final whistle.", "The coach praised his young defenders.",
		"Ticket sales have doubled since last season.", "The next match is away from home.",
		"Two players were booked for dissent.", "The league table is tighter than ever.",
	}, "\n")
	for path, text := range map[string]string{zh: zhText, en: enText} {
		if err := os.WriteFile(path, []byte(text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, _, stderr := runCLI(t, "", "align", zh, en)
	if code != ExitError || !strings.Contains(stderr, "do not look like translations of each other") || !strings.Contains(stderr, "--unrelated") {
		t.Errorf("unrelated pair: exit %d, stderr %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "", "align", "--unrelated", zh, en); code != ExitOK {
		t.Errorf("--unrelated: exit %d, stderr %s", code, stderr)
	}
}

// TestAlignEncoding: UTF-16 without a byte order mark is refused with
// advice to name it, and read with --encoding.
func TestAlignEncoding(t *testing.T) {
	dir := t.TempDir()
	utf16le := func(s string) []byte {
		var b []byte
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	zh, en := filepath.Join(dir, "zh.txt"), filepath.Join(dir, "en.txt")
	if err := os.WriteFile(zh, utf16le("习近平会见塔吉克斯坦总统拉赫蒙。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(en, utf16le("Xi meets Tajik President Rahmon.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "", "align", zh, en); code != ExitError || !strings.Contains(stderr, "--encoding utf-16le") {
		t.Errorf("without --encoding: exit %d, stderr %s", code, stderr)
	}
	if code, stdout, stderr := runCLI(t, "", "align", "--encoding", "utf-16le", zh, en); code != ExitOK || !strings.Contains(stdout, "[0]:[0]") {
		t.Errorf("--encoding utf-16le: exit %d, stdout %q, stderr %s", code, stdout, stderr)
	}
}

// TestAlignStdin: either edition, or a bilingual file, may come on
// standard input.
func TestAlignStdin(t *testing.T) {
	dir := t.TempDir()
	en := filepath.Join(dir, "en.txt")
	if err := os.WriteFile(en, []byte("Xi meets Tajik President Rahmon.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runCLI(t, "习近平会见塔吉克斯坦总统拉赫蒙。\n", "align", "-", en); code != ExitOK || !strings.Contains(stdout, "[0]:[0]") {
		t.Errorf("ZH on standard input: exit %d, stdout %q, stderr %s", code, stdout, stderr)
	}
	if code, _, stderr := runCLI(t, "", "align", "-", "-"); code != ExitError || !strings.Contains(stderr, "only one") {
		t.Errorf("both on standard input: exit %d, stderr %s", code, stderr)
	}
}
