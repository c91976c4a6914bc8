package report

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium returns the path of a Chromium or Chrome binary, or skips.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium or Chrome installed (Debian: apt-get install chromium fonts-noto-cjk); skipping the browser test")
	return ""
}

// newBrowser starts a headless Chromium with a fresh profile and no network
// side traffic, and returns a tab context.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelB(); cancelA() })
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("starting %s: %v", chromium(t), err)
	}
	return ctx
}

// do runs browser actions with a time limit.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression (awaiting a promise) in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// writeReport writes a's report into dir and returns its file URL.
func writeReport(t *testing.T, dir, name string, a *Alignment) string {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteAlignment(f, a); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return "file://" + f.Name()
}

// renderedRows scrolls until every filtered row is rendered and returns
// their data-row indexes.
const renderAllJS = `(async () => {
  const st = document.getElementById("status");
  const want = Number(st.getAttribute("data-shown"));
  for (let i = 0; i < 500 && document.querySelectorAll("#rows .row").length < want; i++) {
    window.scrollTo(0, document.body.scrollHeight);
    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  window.scrollTo(0, 0);
  return Array.from(document.querySelectorAll("#rows .row"), r => Number(r.dataset.row));
})()`

func renderAll(t *testing.T, ctx context.Context) []int {
	t.Helper()
	return eval[[]int](t, ctx, renderAllJS)
}

func TestBrowserReport(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped under -short")
	}
	ctx := newBrowser(t)
	dir := t.TempDir()
	a := synthetic(300, 3)
	url := writeReport(t, dir, "report.html", a)

	do(t, ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`body[data-ready]`)))
	total := eval[int](t, ctx, `Number(document.getElementById("status").dataset.total)`)
	firstChunk := eval[int](t, ctx, `document.querySelectorAll("#rows .row").length`)
	zhMarks := eval[int](t, ctx, `document.querySelectorAll("#rows .zh mark[data-term]").length`)
	enMarks := eval[int](t, ctx, `document.querySelectorAll("#rows .en mark[data-term]").length`)
	title := eval[string](t, ctx, `document.querySelector("#rows .zh mark[data-term]").title`)
	if total != 300 {
		t.Errorf("status counts %d beads, want 300", total)
	}
	if firstChunk == 0 || firstChunk > 300 {
		t.Errorf("first render shows %d rows", firstChunk)
	}
	if zhMarks == 0 || enMarks == 0 {
		t.Errorf("highlights: %d Chinese, %d English marks; want both > 0", zhMarks, enMarks)
	}
	if !strings.Contains(title, "→") {
		t.Errorf("term tooltip %q does not show the entry", title)
	}
	shot(t, ctx, dir, "report.png", "/tmp/report-shot.png")

	all := renderAll(t, ctx)
	if len(all) != 300 {
		t.Fatalf("after scrolling: %d rows, want 300", len(all))
	}

	// Expected rows under each filter, from the input.
	var wantLow, wantFind []int
	row := 0
	for _, doc := range a.Docs {
		flagged := map[int]bool{}
		for _, f := range doc.Flags {
			flagged[f.Bead] = true
		}
		for i, b := range doc.Beads {
			if b.Confidence < DefaultLowConfidence {
				wantLow = append(wantLow, row)
			}
			if flagged[i] {
				wantFind = append(wantFind, row)
			}
			row++
		}
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`#f-low`)))
	if got := renderAll(t, ctx); !slices.Equal(got, wantLow) {
		t.Errorf("low-confidence filter shows rows %v,\nwant %v", got, wantLow)
	}
	if cls := eval[string](t, ctx, `Array.from(document.querySelectorAll("#rows .row"), r => r.classList.contains("low") ? "" : r.dataset.row).join("")`); cls != "" {
		t.Errorf("rows shown by the low-confidence filter without the low mark: %s", cls)
	}
	shot(t, ctx, dir, "report-low.png", "")
	do(t, ctx, chromedp.Click(chromedp.CSS(`#f-low`)), chromedp.Click(chromedp.CSS(`#f-find`)))
	if got := renderAll(t, ctx); !slices.Equal(got, wantFind) {
		t.Errorf("findings filter shows rows %v, want %v", got, wantFind)
	}
	if expected := eval[string](t, ctx, `document.querySelector("#rows .finding .exp").textContent`); expected != "Belt and Road Initiative" {
		t.Errorf("finding shows expected rendering %q", expected)
	}
	shot(t, ctx, dir, "report-findings.png", "/tmp/report-shot-findings.png")
}

// TestBrowserLargeReport: the first screen of a 10,000-bead report is on
// screen in under a second.
func TestBrowserLargeReport(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped under -short")
	}
	ctx := newBrowser(t)
	dir := t.TempDir()
	url := writeReport(t, dir, "big.html", synthetic(10000, 10))
	fi, _ := os.Stat(filepath.Join(dir, "big.html"))
	// Warm the browser up on an empty page so that its start-up is not
	// counted.
	do(t, ctx, chromedp.Navigate("about:blank"))
	start := time.Now()
	do(t, ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`#rows .row`)))
	wall := time.Since(start)
	ready := eval[int](t, ctx, `Number(document.body.dataset.ready)`)
	rows := eval[int](t, ctx, `document.querySelectorAll("#rows .row").length`)
	t.Logf("10,000 beads (%d KiB): script done %d ms after navigation start; first rows visible after %v wall; %d rows in the DOM", fi.Size()>>10, ready, wall.Round(time.Millisecond), rows)
	if ready >= 1000 || wall >= time.Second {
		t.Errorf("first screen took %d ms in page, %v wall; want under 1 s", ready, wall)
	}
	if rows >= 10000 {
		t.Errorf("all %d rows rendered at once; want lazy rendering", rows)
	}
	shot(t, ctx, dir, "big.png", "")
}

// shot saves a screenshot of the viewport into dir and, if copyTo is set,
// there too (for people to look at).
func shot(t *testing.T, ctx context.Context, dir, name, copyTo string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", p)
	if copyTo != "" {
		if err := os.WriteFile(copyTo, png, 0o644); err != nil {
			t.Log(fmt.Sprintf("copying the screenshot: %v", err))
		}
	}
}

func TestBrowserConcordance(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped under -short")
	}
	ctx := newBrowser(t)
	dir := t.TempDir()
	c := Concord(concordPairs, "三股势力", ConcordOptions{})
	f, err := os.Create(filepath.Join(dir, "concord.html"))
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteConcordance(f, concordPairs, c, Summary{}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	do(t, ctx, chromedp.Navigate("file://"+f.Name()), chromedp.WaitVisible(chromedp.CSS(`body[data-ready]`)))
	if n := eval[int](t, ctx, `document.querySelectorAll("#rows .row").length`); n != 6 {
		t.Errorf("%d rows, want 6", n)
	}
	if got := eval[string](t, ctx, `document.querySelector("#rows .zh mark.q").textContent + "|" + document.querySelector("#rows .en mark.r").textContent`); got != "三股势力|terrorism, separatism and extremism" {
		t.Errorf("first row marks %q", got)
	}
	if got := eval[string](t, ctx, `document.title`); got != c.Summary() {
		t.Errorf("title %q, want %q", got, c.Summary())
	}
	// Hiding the first group leaves the other.
	do(t, ctx, chromedp.Click(chromedp.CSS(`.chip.group[data-group="0"]`)))
	if n := eval[int](t, ctx, `document.querySelectorAll("#rows .row").length`); n != 2 {
		t.Errorf("after hiding the first group: %d rows, want 2", n)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`.chip.group[data-group="0"]`)))
	shot(t, ctx, dir, "concord.png", "/tmp/report-shot-concord.png")
}

// TestBrowserNextFinding: the "next finding" button scrolls to the flagged
// rows in turn, rendering rows beyond the first chunk when needed.
func TestBrowserNextFinding(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped under -short")
	}
	ctx := newBrowser(t)
	a := synthetic(600, 1) // findings on beads 16, 33, …, 594
	url := writeReport(t, t.TempDir(), "r.html", a)
	do(t, ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`body[data-ready]`)))
	// Where row r is: its top relative to the bottom of the sticky bar,
	// and whether the page is scrolled to its end.
	const where = `((r) => { const bar = document.getElementById("bar").getBoundingClientRect().bottom;
	  const row = document.querySelector('#rows .row[data-row="' + r + '"]');
	  if (!row) return [-1e9, false];
	  return [row.getBoundingClientRect().top - bar, Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight]; })`
	for i, f := range a.Docs[0].Flags {
		do(t, ctx, chromedp.Click(chromedp.CSS(`#next-finding`)))
		pos := eval[[]any](t, ctx, fmt.Sprintf("%s(%d)", where, f.Bead))
		off, atEnd := pos[0].(float64), pos[1].(bool)
		if !(off > -2 && off < 2 || atEnd && off > -2 && off < 900) {
			t.Fatalf("after %d clicks row %d is %.0f px below the bar (page end: %v); want it right below", i+1, f.Bead, off, atEnd)
		}
	}
}
