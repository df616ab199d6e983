//! Where a Japanese personal name written without a space (`田中明彦`, `森聡`,
//! `岡垣知子`) splits into family and given name.
//!
//! Two-character family names are by far the most common, so a four-kanji name is nearly
//! always 2+2; three-kanji names are 2+1 or 1+2 depending on the family name; five-kanji
//! names are 2+3 or 3+2. A built-in list of common family names decides first; a
//! four-kanji name whose family name is not on the list is split 2+2 only when both of
//! its first two characters are common in family names and its last character is common
//! at the end of given names. Anything else is not split: a name kept whole is better
//! than a wrong split.

/// Common Japanese family names (one to four characters), separated by spaces. Not in
/// any order: [`family_names`] sorts them once.
const FAMILY: &str = "\
佐藤 鈴木 高橋 田中 伊藤 渡辺 渡邊 渡邉 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 \
木村 斎藤 斉藤 齋藤 齊藤 清水 山崎 池田 橋本 阿部 石川 山下 中島 中嶋 石井 小川 前田 岡田 \
長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 福田 太田 西村 藤井 金子 岡本 藤原 中野 三浦 \
原田 中川 松田 竹内 小野 田村 中山 和田 石田 森田 上田 内田 柴田 酒井 宮崎 横山 高木 安藤 \
宮本 大野 小島 谷口 今井 工藤 高田 増田 丸山 杉山 村田 大塚 新井 小山 平野 藤本 河野 上野 \
野口 武田 松井 千葉 岩崎 菅原 木下 久保 佐野 野村 松尾 菊地 杉本 市川 古川 大西 島田 水野 \
桜井 高野 渡部 吉川 山内 西田 飯田 菊池 西川 小松 北村 安田 五十嵐 川口 平田 中田 久保田 \
服部 岩田 土屋 川崎 福島 本田 樋口 秋山 田口 永井 山中 中西 吉村 川上 石原 大橋 松岡 馬場 \
浜田 森本 星野 矢野 浅野 大久保 松下 吉岡 小池 野田 荒木 大谷 内藤 松浦 熊谷 黒田 尾崎 \
永田 川村 望月 田辺 松村 荒井 大島 平井 早川 菅野 栗原 西山 広瀬 横田 石橋 萩原 岩本 片山 \
関口 宮田 大石 本間 須藤 高山 岡崎 小田 伊東 鎌田 上原 篠原 小西 松原 福井 成田 古田 大森 \
小泉 奥村 内山 沢田 川島 桑原 三宅 片岡 富田 杉浦 奥田 小沢 松永 北川 関根 河合 平山 牧野 \
白石 今村 寺田 青山 中尾 小倉 渋谷 上村 小野寺 大山 足立 岡村 坂口 天野 多田 佐久間 根本 \
豊田 田島 飯塚 角田 村山 武藤 白井 宮下 塚本 榎本 神田 坂田 児玉 宇野 杉田 増井 宮内 大沢 \
野崎 吉原 岩瀬 安達 中井 中本 中沢 中澤 長田 長井 長沢 浅井 浅田 浅見 浅川 石塚 石山 石黒 \
石坂 石崎 今西 今野 岩下 岩城 岩村 岩永 上杉 上山 内海 梅原 梅本 梅津 江川 江崎 大木 大川 \
大倉 大坪 大友 大場 大林 大原 大村 大和 岡部 岡野 岡島 岡山 小笠原 荻野 奥山 奥野 小此木 \
小柴 尾上 加納 加賀 梶原 片桐 勝田 金田 金沢 金城 金谷 亀田 亀井 川端 川原 川西 川野 河村 \
河田 菅谷 岸本 北島 北原 北山 北岡 北野 木戸 木内 木原 久米 栗山 栗田 黒川 黒木 黒沢 香田 \
古賀 小坂 小堀 小宮 小宮山 坂上 坂井 坂元 佐伯 桜木 桜田 笹川 笹本 佐山 沢井 沢村 塩谷 \
塩田 志村 柴山 柴崎 島崎 島村 下田 下山 下村 白川 白鳥 杉原 杉村 鈴村 須田 関谷 瀬戸 千田 \
高井 高島 高杉 高村 高松 高梨 高嶋 高瀬 高畑 高岡 竹本 竹村 竹山 竹中 竹下 竹田 武内 武居 \
武井 立花 立石 谷川 谷本 谷内 玉井 玉城 玉木 津田 土田 土井 土山 筒井 寺島 東郷 徳田 徳永 \
戸田 富岡 富永 豊島 鳥居 中曽根 中谷 中原 中林 永島 永野 仲村 並木 成瀬 西尾 西本 西岡 \
西野 西原 野上 野沢 野中 萩野 橋口 橋爪 長谷 長谷部 畑中 浜口 浜野 早坂 原口 日高 日野 \
平川 平林 平岩 平松 広田 福原 福山 福永 福本 福岡 藤岡 藤崎 藤森 藤川 藤沢 藤村 古屋 古谷 \
細田 細川 細谷 堀内 堀江 堀口 堀田 本多 前川 前原 松山 松川 松崎 松島 三上 三木 水上 水谷 \
溝口 三谷 三好 宮城 宮沢 宮澤 宮川 宮坂 向井 村井 村松 村野 森岡 森川 森下 森井 森山 矢口 \
矢島 安井 柳田 柳沢 山岸 山根 山村 吉野 吉本 米田 米山 若林 和泉 落合 小原 小出 小谷 小森 \
稲田 井口 江口 江藤 大平 大竹 大庭 大谷 尾形 春名 冨田 有賀 湯浅 里見 神保 神谷 川井 草野 \
兼原 添谷 袴田 阪田 阪口 横井 梅田 岩井 長島 長尾 長野 丸岡 田所 若松 石破 麻生 安倍 岸田 \
茂木 佐竹 庄司 八木 秋元 国分 町田 宇都宮 小野田 大和田 宇佐美 阿久津 日比野 曽我部 \
小早川 大河内 小田切 高見澤 高見沢 伊豆見 後藤田 五百旗頭 勅使河原 折木 手嶋 徳地 岩屋 \
鳩山 翁長 待鳥 篠田 宮家 保坂 高原 毛利 加茂 益尾 大澤 合六 相澤 木宮 笹島 小渕 羽田 海部 \
上川 道下 猪口 植木 佐橋 鶴岡 船橋 川島 山県 諸橋 綿貫 依田 元木 本村 光田 真野 緑川 \
倉田 小柳 市村 新田 林原 林田 遠山 金井 \
島 原 関 岸 堀 岡 谷 南 森 畑 林 辻 菅";

/// Characters common in two-character family names (`山`, `岡`, `垣`, `藤` …), for
/// family names missing from [`FAMILY`]. Characters frequent in the names of states and
/// offices (`日`, `中`, `米`, `国`, `東`, `大` …) are left out on purpose.
const FAMILY_CHARS: &str = "\
山川河田野本井村原島嶋木藤橋谷口上下松竹梅石岩岡崎沢澤森林小高長前後吉宮浜濱池坂阪福佐加\
伊斎齋斉清水今金古杉武遠近桜櫻丸堀青赤黒白菅柴荒瀬江浅久保永千早増榊桑柳稲垣尾関門宇戸部\
津屋塚城滝瀧沼波根船舟星菊萩葉熊鶴亀鳥鷹鈴工立市町里畑畠辺邊渡端堤柏樋桐横奥富冨豊秋寺\
宗丹羽園植相深片神笠広廣岸磯浦湊泉須湯塩飯麻角菱芳賀茂土堂貝篠笹芦荻萱蒲草芝栗楠榎椎梶\
仲伴住兼勝矢間阿隈細緒望服曽曾坪堺塙宅守室寄峯峰帆幡庄延影徳房押持掛星春末束条板枝栃桂\
植檜橘毛沖洲淡渋渕溝漆潮牛牧猪玉砂秦穂窪笠箕粟脇若苅越足辰迫郡郷酒釘鎌陣陶隅須飛駒鬼鳩\
鴨鷲鹿";

/// Characters common at the end of a given name (`一`, `郎`, `子`, `美` …).
const GIVEN_END_CHARS: &str = "\
一二三四五六七八九十郎朗夫男雄彦也哉介助輔樹人仁之志司史治明弘博宏浩洋和正信幸昭隆平吾悟\
太貴典道晴久孝秀義光彰章徳成忠実美子恵香代江枝奈里乃穂花菜希佳織紀生行敏勝清茂満進誠亮登\
豊裕健剛毅保衛造蔵次児彬恭聡敦淳純潤篤稔昇輝綾梓葵遥瞳舞愛優翔将悠陽真直規泰康靖達嗣良亨\
啓慶重克尚暁晃寛広拓伸紘肇努修岳丈譲晋慎順穣薫馨智知雅賢哲充英栄俊彩絵";

/// Endings of organisation names (`防衛省`, `研究所`, `石破内閣`) that are never the end
/// of a given name.
const ORG_ENDS: &str = "省庁部所会局院館社団府室課隊閣党軍聞報盟権県市署校学協店房堂舎版構";

/// [`FAMILY`] as a sorted list: the names that start with one character are next to
/// each other.
fn family_names() -> &'static [&'static str] {
    static TABLE: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut v: Vec<&'static str> = FAMILY.split_whitespace().collect();
        v.sort_unstable();
        v.dedup();
        v
    })
}

/// The listed family names that `s` starts with, as a set of lengths in characters: bit
/// `k` is set when the first `k` characters of `s` are one. Every listed name is made
/// of characters of three UTF-8 bytes, so only the names that share the first three
/// bytes of `s` are compared (found by a binary search).
fn family_prefixes(s: &str) -> u8 {
    let Some(head) = s.as_bytes().get(..3) else {
        return 0;
    };
    let table = family_names();
    let from = table.partition_point(|f| f.as_bytes()[..3] < *head);
    let mut set = 0;
    for f in table[from..]
        .iter()
        .take_while(|f| f.as_bytes()[..3] == *head)
    {
        if s.as_bytes().starts_with(f.as_bytes()) {
            set |= 1 << (f.len() / 3);
        }
    }
    set
}

/// True when `s` is a family name of the built-in list.
pub(crate) fn is_family_name(s: &str) -> bool {
    s.len() % 3 == 0 && s.len() <= 12 && family_prefixes(s) & (1 << (s.len() / 3)) != 0
}

/// A kanji (or the iteration mark `々`), the only characters a split name may hold.
fn is_name_kanji(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '々')
}

/// Where the all-kanji name `s` (two to six characters) splits into family and given
/// name, as a byte offset; `None` when it is not a name of that shape or the split is
/// not known well enough (see the module documentation).
pub(crate) fn split_ja(s: &str) -> Option<usize> {
    // Byte offsets of the character boundaries: at[k] is where character k starts.
    let mut at = [0usize; 7];
    let mut n = 0;
    for (i, c) in s.char_indices() {
        if n == 6 || !is_name_kanji(c) {
            return None;
        }
        at[n] = i;
        n += 1;
    }
    if n < 2 {
        return None;
    }
    let listed = family_prefixes(s);
    // A listed family name alone (`岸田`, `小野寺` in a short form) is not split.
    if listed & (1 << n) != 0 {
        return None;
    }
    at[n] = s.len();
    let chars = |k: usize| s[at[k]..].chars();
    // A given name is never the end of an organisation name, nor starts with `々`.
    let given_ok = |k: usize| {
        let g = &s[at[k]..];
        !g.starts_with('々') && !g.ends_with(|c| ORG_ENDS.contains(c))
    };
    let known = |k: usize| listed & (1 << k) != 0 && given_ok(k);
    let split = match n {
        2 => [1].into_iter().find(|&k| known(k)),
        3 => [2, 1].into_iter().find(|&k| known(k)),
        4 => [3, 2].into_iter().find(|&k| known(k)).or_else(|| {
            // 岡垣知子, 山岡洋一: a family name not on the list, read 2+2 from the shape
            // of both halves; 原健太郎: a one-character family name before a given name
            // of three.
            let last = chars(3).next().unwrap_or(' ');
            let ends_given = GIVEN_END_CHARS.contains(last);
            let family_like = chars(0).take(2).all(|c| FAMILY_CHARS.contains(c));
            if family_like && ends_given && given_ok(2) {
                Some(2)
            } else if ends_given && known(1) {
                Some(1)
            } else {
                None
            }
        }),
        5 => [4, 3, 2].into_iter().find(|&k| known(k)),
        _ => [4, 3].into_iter().find(|&k| known(k)),
    };
    split.map(|k| at[k])
}

/// Titles and offices written after a Japanese name (`岸田文雄内閣総理大臣`,
/// `バイデン大統領`, `高橋杉雄氏`), longest first within a shared ending.
const TITLES: &[&str] = &[
    "内閣総理大臣",
    "内閣官房長官",
    "総理大臣",
    "官房長官",
    "国務長官",
    "国防長官",
    "事務総長",
    "国家主席",
    "統合幕僚長",
    "幕僚長",
    "副大統領",
    "大統領",
    "副大臣",
    "大臣",
    "政務官",
    "首相",
    "総理",
    "外相",
    "国防相",
    "防衛相",
    "長官",
    "大使",
    "議員",
    "議長",
    "知事",
    "主席",
    "総書記",
    "司令官",
    "名誉教授",
    "特任教授",
    "准教授",
    "教授",
    "研究員",
    "研究官",
    "所長",
    "理事長",
    "博士",
    "氏",
];

/// The last characters of the words of [`TITLES`].
const TITLE_ENDS: [char; 14] = [
    '臣', '官', '長', '領', '相', '理', '使', '員', '事', '席', '記', '授', '士', '氏',
];

/// Offices between a name and its title (`外務` in `林芳正外務大臣`), longest first
/// within a shared ending.
const OFFICES: &[&str] = &[
    "経済安全保障担当",
    "国家安全保障担当",
    "経済産業",
    "文部科学",
    "厚生労働",
    "農林水産",
    "国土交通",
    "駐日米国",
    "衆議院",
    "参議院",
    "外務",
    "防衛",
    "財務",
    "総務",
    "法務",
    "経産",
    "国防",
    "内閣",
    "駐日",
    "駐米",
    "都",
    "府",
    "県",
    "道",
];

/// True when `s` reads as a Japanese person's name by itself: a listed family name, an
/// all-kanji name [`split_ja`] splits, two CJK words split at a space, or a name in
/// katakana (`バイデン`, `ジョセフ・ナイ`).
pub(crate) fn is_name_ja(s: &str) -> bool {
    if is_family_name(s) || split_ja(s).is_some() {
        return true;
    }
    let mut words = s.split([' ', '\u{3000}']);
    if let (Some(f), Some(g), None) = (words.next(), words.next(), words.next()) {
        return [f, g]
            .iter()
            .all(|w| !w.is_empty() && w.chars().all(crate::text::is_cjk));
    }
    s.chars().count() >= 2
        && s.chars()
            .all(|c| matches!(c, '\u{30a1}'..='\u{30fa}' | 'ー' | '・' | '＝'))
}

/// `s` without a title or office after a Japanese name (`岸田文雄内閣総理大臣` →
/// `岸田文雄`, `林芳正外務大臣` → `林芳正`, `バイデン大統領` → `バイデン`, `高橋杉雄氏` →
/// `高橋杉雄`). Unchanged unless what is left reads as a name by itself, so that an
/// office (`米国務長官`, `防衛大臣`) stays whole.
pub(crate) fn without_title_ja(s: &str) -> &str {
    // Most names are passed over at once.
    if !s.ends_with(TITLE_ENDS) {
        return s;
    }
    let Some(title) = TITLES.iter().find(|t| s.ends_with(**t)) else {
        return s;
    };
    let mut head = &s[..s.len() - title.len()];
    if let Some(office) = OFFICES
        .iter()
        .find(|o| head.ends_with(**o) && head.len() > o.len())
    {
        head = &head[..head.len() - office.len()];
    }
    if is_name_ja(head) { head } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(s: &str) -> Option<(&str, &str)> {
        split_ja(s).map(|k| s.split_at(k))
    }

    #[test]
    fn the_list_holds_only_kanji_names_of_one_to_four_characters() {
        for f in FAMILY.split_whitespace() {
            let n = f.chars().count();
            assert!((1..=4).contains(&n), "{f}");
            assert!(f.chars().all(is_name_kanji), "{f}");
        }
        assert!(is_family_name("佐藤") && is_family_name("五百旗頭") && !is_family_name("佐"));
    }

    #[test]
    fn known_family_names_decide_the_split() {
        assert_eq!(parts("森聡"), Some(("森", "聡")));
        assert_eq!(parts("岸信介"), Some(("岸", "信介")));
        assert_eq!(parts("石破茂"), Some(("石破", "茂")));
        assert_eq!(parts("田中明彦"), Some(("田中", "明彦")));
        assert_eq!(parts("佐々木洋"), Some(("佐々木", "洋")));
        assert_eq!(parts("伊藤弘太郎"), Some(("伊藤", "弘太郎")));
        assert_eq!(parts("小此木政夫"), Some(("小此木", "政夫")));
        assert_eq!(parts("五百旗頭真"), Some(("五百旗頭", "真")));
        // A family name alone.
        assert_eq!(parts("岸田"), None);
        assert_eq!(parts("小野寺"), None);
    }

    #[test]
    fn four_kanji_names_split_two_and_two_by_their_shape() {
        // Family names not on the list.
        assert_eq!(parts("岡垣知子"), Some(("岡垣", "知子")));
        assert_eq!(parts("山岡洋一"), Some(("山岡", "洋一")));
        assert_eq!(parts("岩間陽子"), Some(("岩間", "陽子")));
        // A one-character family name before a given name of three.
        assert_eq!(parts("原健太郎"), Some(("原", "健太郎")));
    }

    #[test]
    fn titles_after_a_name_are_dropped_but_offices_stay() {
        for t in TITLES {
            assert!(t.ends_with(TITLE_ENDS), "{t}");
        }
        for (s, name) in [
            ("岸田文雄内閣総理大臣", "岸田文雄"),
            ("林芳正外務大臣", "林芳正"),
            ("上川陽子外務大臣", "上川陽子"),
            ("石破茂首相", "石破茂"),
            ("岸田首相", "岸田"),
            ("バイデン大統領", "バイデン"),
            ("高橋杉雄氏", "高橋杉雄"),
            ("山田 太郎教授", "山田 太郎"),
            ("小池都知事", "小池"),
        ] {
            assert_eq!(without_title_ja(s), name, "{s}");
        }
        for s in [
            "米国務長官",
            "防衛大臣",
            "外務大臣",
            "内閣総理大臣",
            "首相",
            "田中明彦",
        ] {
            assert_eq!(without_title_ja(s), s, "{s}");
        }
    }

    #[test]
    fn organisations_and_unknown_shapes_stay_whole() {
        for s in [
            "内閣官房",
            "朝日新聞",
            "首相官邸",
            "石破内閣",
            "岸内閣",
            "防衛研究所",
            "米中関係",
            "宮城大学",
            "藤原書店",
            "岩波書店",
            "勁草書房",
            "国際政治",
            "森",
            "佐",
            "東京都",
            "佐藤a",
            "山田太郎次郎三",
        ] {
            assert_eq!(parts(s), None, "{s}");
        }
    }
}
