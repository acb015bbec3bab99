import { describe, expect, it } from "vitest";
import { extract } from "../../src/index.js";
import { splitRegion, headingPeriod, fiveYearPeriod, titlePlace } from "../../src/segment/meta.js";
import { sharedText } from "../helpers.js";

describe("document metadata from the front matter", () => {
  it("a town report (the seed)", () => {
    const { meta } = extract(sharedText("000_a856141411780175"), { doc_id: "seed" });
    expect(meta).toMatchObject({
      title: "政府工作报告", region: "上海市崇明区东平镇", province: "上海市", city: null, county: "崇明区", town: "东平镇",
      level: "town", session: "第二届人民代表大会第五次会议", speaker: "施宏", report_date: "2023-08-01",
      review_period: "2023H1", plan_period: "2023H2",
    });
  });
  it("a district report", () => {
    const { meta } = extract(sharedText("district_hailar_2016"));
    expect(meta).toMatchObject({ region: "海拉尔区", county: "海拉尔区", level: "county", speaker: "杜联合", speaker_title: "海拉尔区人民政府区长", report_date: "2016-02-19" });
  });
  it("a provincial report", () => {
    const { meta } = extract(sharedText("province_guangdong_2026"));
    expect(meta).toMatchObject({ province: "广东省", level: "provincial", speaker: "孟凡利", speaker_title: "广东省省长", report_date: "2026-01-26", session: "第十四届人民代表大会第五次会议" });
  });
  it("national reports, one of them a news copy on one line", () => {
    expect(extract(sharedText("national_2023")).meta).toMatchObject({ level: "national", region: "全国", report_date: "2023-03-05", session: "第十四届全国人民代表大会第一次会议" });
    expect(extract(sharedText("national_2020")).meta).toMatchObject({ level: "national", speaker: "李克强", speaker_title: "国务院总理", report_date: "2020-05-22" });
  });
  it("what the report does not say stays null, never guessed; who reports and the year reviewed come from the body", () => {
    const { meta } = extract(sharedText("national_2015"), { doc_id: "national_2015" });
    expect(meta.report_date).toBeNull();
    expect(meta.title).toBeNull();
    expect(meta.speaker).toBeNull();
    expect(meta.speaker_title).toBeNull();
    expect(meta.session).toBeNull();
    // no front matter: 我代表国务院 → the nation; 一、2014年工作回顾 → a report of 2015
    expect(meta.region).toBe("全国");
    expect(meta.level).toBe("national");
    expect([meta.province, meta.city, meta.county, meta.town]).toEqual([null, null, null, null]);
    expect(meta.report_year).toBe(2015);
    expect(meta.review_period).toBe("2014");
    expect(meta.plan_period).toBe("2015");
  });
  it("a city report without front matter: who reports (我代表深圳市人民政府) gives the region and level", () => {
    const text = "各位代表：\n\n现在，我代表深圳市人民政府，向大会报告政府工作，请予审议。\n\n一、2023年工作回顾\n\n2023年，全市地区生产总值增长6%。\n\n二、2024年工作安排\n\n2024年地区生产总值增长6%左右。";
    const { meta } = extract(text, { doc_id: "shenzhen" });
    expect(meta).toMatchObject({ region: "深圳市", city: "深圳市", level: "city", report_date: null, report_year: 2024, review_period: "2023", plan_period: "2024" });
  });
});

describe("regions and periods", () => {
  it.each([
    ["上海市崇明区东平镇", { province: "上海市", county: "崇明区", town: "东平镇", level: "town" }],
    ["广东省广州市天河区", { province: "广东省", city: "广州市", county: "天河区", level: "county" }],
    ["浙江省杭州市", { province: "浙江省", city: "杭州市", level: "city" }],
    ["内蒙古自治区呼伦贝尔市海拉尔区", { province: "内蒙古自治区", city: "呼伦贝尔市", county: "海拉尔区", level: "county" }],
    ["湖南省", { province: "湖南省", level: "provincial" }],
  ])("%s", (place, want) => expect(splitRegion(place)).toMatchObject(want));

  it.each([
    ["东城街道办事处2023年工作总结和2024年工作计划", { region: "东城街道", town: "东城街道", level: "town" }],
    ["青山镇2024年政府工作报告", { region: "青山镇", town: "青山镇", level: "town" }],
    ["城关镇人民政府2023年工作报告", { town: "城关镇", level: "town" }],
    ["广东省2026年政府工作报告", { province: "广东省", level: "provincial" }],
    ["呼伦贝尔市海拉尔区人民政府工作报告", { city: "呼伦贝尔市", county: "海拉尔区", level: "county" }],
  ])("the place a title starts with: %s", (title, want) => expect(titlePlace(title)).toMatchObject(want));

  it.each(["政府工作报告", "2024年政府工作报告", "关于2023年工作的报告", "我镇2023年工作总结", "某某公司2023年工作总结"])(
    "no place in the title %s",
    (title) => expect(titlePlace(title)).toBeNull(),
  );

  it.each([
    ["2023年上半年工作回顾", "review", 2023, "2023H1"],
    ["2023年下半年工作打算", "plan", 2023, "2023H2"],
    ["过去一年和五年工作回顾", "review", 2023, "2022"],
    ["过去五年工作回顾", "review", 2018, "2013-2017"],
    ["对今年政府工作的建议", "plan", 2023, "2023"],
    ["“十五五”时期的主要目标和重点任务", "plan", 2026, "2026-2030"],
  ] as const)("%s → %s", (title, part, year, want) => expect(headingPeriod(title, part, year)).toBe(want));

  it("five-year plans", () => {
    expect(fiveYearPeriod("“十二五”时期")).toBe("2011-2015");
    expect(fiveYearPeriod("十四五规划")).toBe("2021-2025");
  });
});
