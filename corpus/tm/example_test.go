package tm_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/bitext/bitext/corpus/tm"
)

func ExampleTMXWriter() {
	w := tm.NewTMXWriter(os.Stdout, tm.Header{ZHLang: "zh-CN", CreationToolVersion: "1.0"})
	w.Write(tm.Unit{ID: "001-1", ZH: "人才是关键。", EN: "Talent is the key.", Doc: "001", Bead: "1-1", Confidence: 0.93, HasConfidence: true})
	w.Close()
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <tmx version="1.4">
	//   <header creationtool="bitext" creationtoolversion="1.0" segtype="sentence" o-tmf="bitext" adminlang="en-US" srclang="zh-CN" datatype="plaintext"/>
	//   <body>
	//     <tu tuid="001-1">
	//       <prop type="x-bitext-doc">001</prop>
	//       <prop type="x-bitext-bead">1-1</prop>
	//       <prop type="x-bitext-confidence">0.93</prop>
	//       <tuv xml:lang="zh-CN"><seg>人才是关键。</seg></tuv>
	//       <tuv xml:lang="en-US"><seg>Talent is the key.</seg></tuv>
	//     </tu>
	//   </body>
	// </tmx>
}

func ExampleTMXReader() {
	const in = `<?xml version="1.0"?>
<tmx version="1.4">
<header srclang="en-US" creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/>
<body>
<tu><tuv xml:lang="en-US"><seg>Click <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
<tuv xml:lang="de-DE"><seg>Klicken Sie auf Speichern.</seg></tuv>
<tuv xml:lang="zh-TW"><seg>按一下<hi>儲存</hi>。</seg></tuv></tu>
</body>
</tmx>`
	r := tm.NewTMXReader(strings.NewReader(in), "example.tmx")
	for r.Scan() {
		u := r.Unit()
		fmt.Printf("%s | %s\n", u.ZH, u.EN)
	}
	if err := r.Err(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 按一下儲存。 | Click Save.
}
