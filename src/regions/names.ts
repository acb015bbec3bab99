/** Name handling for region strings: clean-up of what reports write, short names, the nation. */

/** Province suffixes, longest first, so 广西壮族自治区 → 广西 and 广东省 → 广东. */
const PROVINCE_SUFFIX = /(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/;
/** The 56 peoples' names (and 各族), as autonomous divisions carry them (恩施土家族苗族自治州). */
const PEOPLES =
  "蒙古|维吾尔|土家|哈尼|哈萨克|傈僳|拉祜|东乡|纳西|景颇|柯尔克孜|达斡尔|仫佬|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|" +
  "乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|布依|朝鲜|高山|汉|回|藏|苗|彝|壮|满|侗|瑶|白|傣|黎|佤|畲|水|土|羌|怒|京|各";
/** One or more peoples before 自治州/县/旗: 恩施土家族苗族自治州 → 恩施, 黔东南苗族侗族自治州 → 黔东南. */
const AUTONOMOUS = new RegExp(`^(.{2,}?)(?:(?:${PEOPLES})族?)+自治[州县旗]$`);
const CITY_SUFFIX = /(?:市|地区|盟|自治州|州)$/;
const COUNTY_SUFFIX = /(?:林区|特区|自治县|自治旗|区|县|市|旗)$/;

/**
 * The short names a division is also called by (at least two characters), for inputs without the
 * administrative suffix: `shortNames("广西壮族自治区", "provincial")` → ["广西"].
 */
export function shortNames(name: string, level: "provincial" | "city" | "county"): string[] {
  const out = new Set<string>();
  const auto = AUTONOMOUS.exec(name);
  if (auto) {
    out.add(auto[1]);
    out.add(auto[1] + name.slice(-1)); // 黔东南州, 石柱县
  } else {
    const suffix = level === "provincial" ? PROVINCE_SUFFIX : level === "city" ? CITY_SUFFIX : COUNTY_SUFFIX;
    const stem = name.replace(suffix, "");
    if (stem !== name) out.add(stem);
  }
  return [...out].filter((s) => s.length >= 2 && s !== name);
}

/** Strings that name the nation: `isNation("中华人民共和国")` → true. */
export function isNation(s: string): boolean {
  return /^(?:全国|中国|中华人民共和国|国务院)$/.test(s);
}

/**
 * A region string as it is matched against the data: no spaces or brackets' remarks, no leading
 * 中华人民共和国, no trailing 人民政府/政府: `cleanRegion("海拉尔区人民政府")` → "海拉尔区".
 */
export function cleanRegion(raw: string): string {
  let s = raw.normalize("NFKC").replace(/[\s\u3000·・]/g, "");
  s = s.replace(/[(（][^)）]*[)）]/g, "");
  if (!isNation(s)) s = s.replace(/^(?:中华人民共和国|中国)(?=.)/, "");
  s = s.replace(/(?:人民政府|政府)$/, "");
  return s;
}

/**
 * The spellings of a cleaned string to try, first as written: a street office named as such is also
 * tried as the street: `spellings("建设街道办事处")` → ["建设街道办事处", "建设街道"].
 */
export function spellings(s: string): string[] {
  const out = [s];
  if (/街道办事处$/.test(s)) out.push(s.replace(/办事处$/, ""));
  else if (/办事处$/.test(s)) out.push(s.replace(/办事处$/, ""), s.replace(/办事处$/, "街道"));
  else if (/办$/.test(s)) out.push(s.replace(/办$/, "街道"));
  return [...new Set(out)].filter((x) => x.length > 0);
}

/** Does the last unit of a string look like a town or street rather than a county or above? `looksLikeTown("东平镇")` → true. */
export function looksLikeTown(s: string): boolean {
  return !/(?:省|自治区|特别行政区|市|州|盟|县|旗|林区|特区)$/.test(s);
}
