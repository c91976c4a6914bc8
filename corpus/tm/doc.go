// Package tm reads and writes translation memories: aligned Chinese–English
// sentence pairs (Units) in TMX 1.4, TSV and JSON Lines.
//
// All readers stream: they hold one unit at a time, whatever the size of the
// file, and follow the shape of bufio.Scanner (Scan, Unit, Err, with a sticky
// error). All writers stream too: Write one unit at a time, then Close.
// Errors about input are *corpus.ParseError values naming the file and the
// 1-based line (and, for XML, the column).
//
// # TMX 1.4
//
// TMXWriter writes one <tu> per unit, the source <tuv> first (many tools,
// translate-toolkit among them, read the source by position), with the
// bead's provenance in properties:
//
//	<?xml version="1.0" encoding="UTF-8"?>
//	<tmx version="1.4">
//	  <header creationtool="bitext" creationtoolversion="0.1.0" segtype="sentence"
//	    o-tmf="bitext" adminlang="en-US" srclang="zh-CN" datatype="plaintext"/>
//	  <body>
//	    <tu tuid="001-3">
//	      <prop type="x-bitext-doc">001</prop>
//	      <prop type="x-bitext-bead">1-2</prop>
//	      <prop type="x-bitext-confidence">0.93</prop>
//	      <tuv xml:lang="zh-CN"><seg>乡村振兴，人才是关键。</seg></tuv>
//	      <tuv xml:lang="en-US"><seg>Talent is the key.</seg></tuv>
//	    </tu>
//	  </body>
//	</tmx>
//
// Nothing is added inside <seg>: no indentation, no wrapping. Characters
// that XML 1.0 cannot carry (C0 controls other than tab, newline and
// carriage return, U+FFFE, U+FFFF, invalid UTF-8) are dropped and counted
// (TMXWriter.Dropped); every other string survives a write and a read
// unchanged (a carriage return is written as &#13; so that XML's line-end
// normalisation cannot eat it).
//
// TMXReader accepts TMX from other tools: UTF-8 or UTF-16 (LE or BE, with or
// without a byte order mark), xml:lang in any letter case or the TMX 1.1
// lang attribute, a missing version, srclang="*all*", any number of <tuv>s
// per unit (the Chinese and English variants are chosen by language code,
// never by position), unknown elements ignored. Inline markup is reduced to
// the text a translator sees: the content of bpt, ept, ph, it and ut (native
// codes) is dropped, the text inside hi (and any unknown element) kept. No
// entity beyond XML's five predefined ones is expanded and no external
// resource is ever fetched.
//
// # TSV
//
// One unit per line, fields separated by tabs, in the order zh, en; further
// columns are ignored unless a header line names them. Inside a field a
// backslash escapes a tab (\t), a newline (\n), a carriage return (\r) and
// itself (\\); any other backslash is literal. A header is a first line whose
// fields are all column names (zh, en, id, doc, bead, confidence) and that
// names zh and en:
//
//	zh	en	doc	bead	confidence
//	乡村振兴，人才是关键。	Talent is the key.	001	1-1	0.93
//
// # JSON Lines
//
// One JSON object per line with the fields of Unit:
//
//	{"id":"001-3","zh":"乡村振兴，人才是关键。","en":"Talent is the key.","doc":"001","bead":"1-1","confidence":0.93}
//
// Only zh and en are required; props, when present, is an object of string
// values.
package tm
