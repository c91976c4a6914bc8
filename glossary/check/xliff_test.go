package check

import (
	"errors"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

const xliffBasic = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.docx" source-language="zh-CN" target-language="en-US" datatype="x-docx">
    <header><note>ignored</note></header>
    <body>
      <group id="g1">
        <trans-unit id="1">
          <source>推进<g id="b1">一带一路</g>建设<x id="x1"/>。</source>
          <target>Promote the <g id="b1">Belt and Road</g> Initiative<x id="x1"/>.</target>
          <alt-trans><target>One Belt One Road</target></alt-trans>
          <note>a note</note>
        </trans-unit>
      </group>
      <trans-unit id="2" translate="no">
        <source>新华社</source>
        <target>新华社</target>
      </trans-unit>
      <trans-unit id="3">
        <source>第<ph id="p1">&lt;b&gt;</ph>二<mrk mtype="term">届</mrk></source>
        <target state="translated">the <bpt id="1">&lt;i&gt;</bpt>second<ept id="1">&lt;/i&gt;</ept> session</target>
      </trans-unit>
      <trans-unit id="4">
        <source>未译</source>
      </trans-unit>
    </body>
  </file>
</xliff>
`

const sdlxliff = `<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0">
<file original="news.docx" source-language="zh-CN" target-language="en-GB" datatype="x-sdlfilterframework2">
<body>
<trans-unit id="a1b2">
<source><g id="5">第一句。第二句。</g></source>
<seg-source><g id="5"><mrk mtype="seg" mid="1">第一句。</mrk><mrk mtype="seg" mid="2">第二句。</mrk></g></seg-source>
<target><g id="5"><mrk mtype="seg" mid="1">First sentence.</mrk> <mrk mtype="seg" mid="2">Second sentence.</mrk></g></target>
<sdl:seg-defs><sdl:seg id="1" conf="Translated"/><sdl:seg id="2" conf="Draft"/></sdl:seg-defs>
</trans-unit>
<trans-unit id="c3">
<source>第三句。</source>
<seg-source><mrk mtype="seg" mid="3">第三句。</mrk></seg-source>
<target><mrk mtype="seg" mid="3">Third sentence.</mrk></target>
</trans-unit>
</body>
</file>
</xliff>
`

const xliffPrefixed = `<?xml version="1.0"?>
<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
<x:file source-language="zh" target-language="en"><x:body>
<x:trans-unit id="u1"><x:source>国会</x:source><x:target>Congress</x:target></x:trans-unit>
</x:body></x:file></x:xliff>`

func segSummary(segs []Segment) []string {
	var out []string
	for _, s := range segs {
		t := s.ZH + " => " + s.EN
		if s.NoTarget {
			t += " (no target)"
		}
		out = append(out, t)
	}
	return out
}

func TestReadXLIFF(t *testing.T) {
	t.Parallel()
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(strings.Replace(xliffPrefixed, `<?xml version="1.0"?>`, `<?xml version="1.0" encoding="GB2312"?>`, 1))
	if err != nil {
		t.Fatal(err)
	}
	utf16 := func(s string, e unicode.Endianness, bom unicode.BOMPolicy) string {
		out, err := unicode.UTF16(e, bom).NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	decl16 := strings.Replace(xliffPrefixed, `<?xml version="1.0"?>`, `<?xml version="1.0" encoding="UTF-16"?>`, 1)
	tests := []struct {
		name, in string
		want     []string
	}{
		{"basic", xliffBasic, []string{
			"推进一带一路建设。 => Promote the Belt and Road Initiative.",
			"第二届 => the second session",
			"未译 =>  (no target)",
		}},
		{"sdlxliff", sdlxliff, []string{
			"第一句。 => First sentence.", "第二句。 => Second sentence.", "第三句。 => Third sentence.",
		}},
		{"prefixed namespace", xliffPrefixed, []string{"国会 => Congress"}},
		{"GB2312 declared", gbk, []string{"国会 => Congress"}},
		{"UTF-16LE without BOM", utf16(decl16, unicode.LittleEndian, unicode.IgnoreBOM), []string{"国会 => Congress"}},
		{"UTF-16BE without BOM", utf16(decl16, unicode.BigEndian, unicode.IgnoreBOM), []string{"国会 => Congress"}},
		{"UTF-16LE with BOM", utf16(decl16, unicode.LittleEndian, unicode.UseBOM), []string{"国会 => Congress"}},
		{"UTF-8 BOM", "\xEF\xBB\xBF" + xliffPrefixed, []string{"国会 => Congress"}},
		{"English source swapped", strings.Replace(strings.Replace(xliffPrefixed, `source-language="zh"`, `source-language="en"`, 1), `target-language="en"`, `target-language="zh-CN"`, 1),
			[]string{"Congress => 国会"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs, err := ReadXLIFF(strings.NewReader(tt.in), "t.xlf")
			if err != nil {
				t.Fatal(err)
			}
			got := segSummary(segs)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			for i, s := range segs {
				if s.Pos != i+1 || s.Line == 0 {
					t.Errorf("segment %d: Pos %d Line %d", i, s.Pos, s.Line)
				}
			}
		})
	}
}

func TestReadXLIFFPositions(t *testing.T) {
	t.Parallel()
	segs, err := ReadXLIFF(strings.NewReader(sdlxliff), "t.sdlxliff")
	if err != nil {
		t.Fatal(err)
	}
	if segs[1].ID != "a1b2/2" || segs[1].Line != 5 || segs[2].Line != 11 {
		t.Errorf("ids and lines: %+v", segs)
	}
}

func TestReadXLIFFErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		sentinel error
		want     string // substring of the message, with position
	}{
		{"malformed", "<xliff version=\"1.2\">\n<file><body>\n<trans-unit id=\"1\"><source>a</target>\n", corpus.ErrSyntax, "t.xlf:3:"},
		{"unclosed", "<xliff version=\"1.2\">\n<file><body>\n<trans-unit id=\"1\"><source>a", corpus.ErrSyntax, "t.xlf:3"},
		{"no targets", "<xliff version=\"1.2\">\n<file><body>\n\n<trans-unit id=\"1\"><source>一</source></trans-unit>\n<trans-unit id=\"2\"><source>二</source></trans-unit></body></file></xliff>", ErrNoTarget, "t.xlf:4: no <target>"},
		{"not xliff", "<tmx version=\"1.4\"><body/></tmx>", corpus.ErrSyntax, "not <xliff>"},
		{"no units", "<xliff version=\"1.2\"><file><body/></file></xliff>", corpus.ErrEmpty, "no trans-unit"},
		{"empty", "  \n", corpus.ErrEmpty, "t.xlf"},
		{"unknown encoding", "<?xml version=\"1.0\" encoding=\"x-klingon\"?><xliff/>", corpus.ErrEncoding, "x-klingon"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadXLIFF(strings.NewReader(tt.in), "t.xlf")
			if err == nil {
				t.Fatal("no error")
			}
			var pe *corpus.ParseError
			if !errors.As(err, &pe) || pe.File != "t.xlf" {
				t.Errorf("%v: not a ParseError naming the file", err)
			}
			if !errors.Is(err, tt.sentinel) {
				t.Errorf("%v: does not wrap %v", err, tt.sentinel)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func FuzzReadXLIFF(f *testing.F) {
	for _, s := range []string{xliffBasic, sdlxliff, xliffPrefixed, xliff2, "<xliff><file><body><trans-unit><source>a<g>b</g></source><target>c</target></trans-unit></body></file></xliff>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		segs, err := ReadXLIFF(strings.NewReader(string(data)), "f.xlf")
		if err != nil {
			mustParseError(t, err, "f.xlf")
			return
		}
		targets := 0
		for i, s := range segs {
			if s.Pos != i+1 {
				t.Fatalf("segment %d has Pos %d", i, s.Pos)
			}
			if !s.NoTarget {
				targets++
			}
			if s.ZH != tidy(s.ZH) || s.EN != tidy(s.EN) {
				t.Fatalf("untidy segment %+v", s)
			}
		}
		if len(segs) > 0 && targets == 0 {
			t.Fatal("segments without any target were accepted")
		}
	})
}

const xliff2 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-CN" trgLang="en">
 <file id="f1">
  <unit id="u1">
   <originalData><data id="d1">&lt;b&gt;</data></originalData>
   <segment id="s1">
    <source>推进<pc id="1">一带一路</pc>建设<ph id="2" dataRef="d1"/>。</source>
    <target>Promote the <pc id="1">Belt and Road</pc><ph id="2" dataRef="d1"/>.</target>
   </segment>
   <ignorable><source> </source></ignorable>
   <segment id="s2">
    <source>第二句。</source>
    <target>Second.</target>
   </segment>
  </unit>
  <unit id="u2" translate="no">
   <segment><source>新华社</source><target>新华社</target></segment>
  </unit>
 </file>
</xliff>`

func TestReadXLIFF2(t *testing.T) {
	t.Parallel()
	segs, err := ReadXLIFF(strings.NewReader(xliff2), "t.xlf")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(segSummary(segs), "\n")
	want := "推进一带一路建设。 => Promote the Belt and Road.\n第二句。 => Second."
	if got != want || segs[0].ID != "u1/s1" || segs[1].ID != "u1/s2" {
		t.Errorf("got\n%s\nids %q %q", got, segs[0].ID, segs[1].ID)
	}
}
