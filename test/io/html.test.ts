import { describe, expect, it } from "vitest";
import { declaredCharset, decodeEntities, htmlToText } from "../../src/io/html.js";

describe("htmlToText", () => {
  it("keeps the body's text, drops scripts, styles and the head, and puts blocks on their own lines", () => {
    const html = `<!DOCTYPE html><html><head><title>标题不要</title><style>p{color:red}</style></head>
      <body><div class="nav"><script>var x = "不要";</script></div>
      <h1>政府工作报告</h1><p>一、2023年工作回顾</p>
      <p>地区生产总值增长<b>5.2%</b>，<br>城镇新增就业1244万人。</p><!-- 注释 --></body></html>`;
    expect(htmlToText(html)).toBe("政府工作报告\n一、2023年工作回顾\n地区生产总值增长5.2%，\n城镇新增就业1244万人。");
  });

  it("decodes entities and collapses white space inside a line", () => {
    expect(htmlToText("<p>&nbsp;&nbsp;增长&nbsp;5%&amp;\n   &#20159;&#x5143;&ldquo;x&rdquo;</p>")).toBe("增长 5%& 亿元“x”");
    expect(decodeEntities("&unknown; &lt;")).toBe("&unknown; <");
  });

  it("keeps table cells apart and rows on lines", () => {
    expect(htmlToText("<table><tr><th>指标</th><th>数值</th></tr><tr><td>GDP</td><td>5.2%</td></tr></table>")).toBe("指标\t数值\nGDP\t5.2%");
  });

  it("keeps the lines of <pre>", () => {
    expect(htmlToText("<pre>一、总体\n增长5%</pre>")).toBe("一、总体\n增长5%");
  });

  it("finds the declared charset", () => {
    expect(declaredCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'))).toBe("gb2312");
    expect(declaredCharset(Buffer.from("<meta charset='UTF-8'>"))).toBe("utf-8");
    expect(declaredCharset(Buffer.from("<p>none</p>"))).toBeNull();
  });
});
