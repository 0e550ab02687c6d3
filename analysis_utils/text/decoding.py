"""Bytes to text: byte-order marks, binary detection, UTF-8, and legacy encodings.

:func:`decode_bytes` is used for every file the kit reads. Order: a BOM decides
(UTF-8, UTF-16, UTF-32; the BOM is removed); known binary formats and NUL bytes are
rejected (BOM-less UTF-16 is recognised by its NUL pattern); then strict UTF-8; then
a declared charset (``hint``, e.g. an HTML ``<meta charset>``); then the most
plausible of cp949 (a superset of EUC-KR), Shift-JIS, GB18030 (⊃ GBK), Big5, cp1252
(⊃ printable Latin-1), cp1250 and cp1251, judged by a character-level plausibility
score that is reliable on headline-length Korean, Japanese and Chinese text, where
charset-normalizer alone is not; charset-normalizer's guess is the fallback when no
candidate scores well.

Known limits: a few characters of CJK text can be ambiguous (ties go to Korean);
Central European text whose letters also exist in cp1252 (Czech "č" = cp1252 "è")
comes out as cp1252; Greek/Turkish/KOI8-R rely on charset-normalizer. A sidecar key
``encoding:`` overrides detection (see :mod:`analysis_utils.text.loading`).
"""
from __future__ import annotations

import codecs
import contextlib
import logging
import warnings
from collections.abc import Iterator
import re
import unicodedata
from functools import lru_cache

from ..errors import BinaryContent, DecodingError, EmptyArticle

__all__ = ["decode_bytes"]

_NOISY_LOGGERS = ("trafilatura", "htmldate", "courlan", "charset_normalizer", "readability", "justext")


@contextlib.contextmanager
def _quiet_logs() -> Iterator[None]:
    """Silence the chatty loggers of trafilatura & co. for the duration."""
    saved = []
    for name in _NOISY_LOGGERS:
        logger = logging.getLogger(name)
        saved.append((logger, logger.level))
        logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in saved:
            logger.setLevel(level)


# ---------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------

#: Magic numbers of common binary formats: (prefix, offset, description).
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"%PDF-", 0, "a PDF document"),
    (b"PK\x03\x04", 0, "a ZIP archive (or .docx/.xlsx/.epub)"),
    (b"PK\x05\x06", 0, "an empty ZIP archive"),
    (b"PK\x07\x08", 0, "a ZIP archive"),
    (b"\x1f\x8b", 0, "a GZIP archive"),
    (b"BZh", 0, None),  # checked more precisely below
    (b"\xfd7zXZ\x00", 0, "an XZ archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", 0, "a Zstandard archive"),
    (b"\x7fELF", 0, "an ELF executable"),
    (b"\xcf\xfa\xed\xfe", 0, "a Mach-O executable"),
    (b"\xfe\xed\xfa\xcf", 0, "a Mach-O executable"),
    (b"\xca\xfe\xba\xbe", 0, "a Java class or Mach-O file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an OLE2 document (.doc/.xls/.ppt)"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"OggS", 0, "an Ogg media file"),
    (b"fLaC", 0, "a FLAC audio file"),
    (b"ID3", 0, "an MP3 audio file"),
    (b"\x1a\x45\xdf\xa3", 0, "a Matroska/WebM media file"),
    (b"ftyp", 4, "an MP4/MOV media file"),
    (b"\x00asm", 0, "a WebAssembly module"),
    (b"PAR1", 0, "a Parquet file"),
    (b"wOFF", 0, "a WOFF font"),
    (b"wOF2", 0, "a WOFF2 font"),
)
_RIFF_KINDS = {b"WAVE": "a WAV audio file", b"WEBP": "a WebP image", b"AVI ": "an AVI video"}

#: Byte order marks, longest first (UTF-32 LE starts like UTF-16 LE).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Legacy encodings tried, in this order, when the bytes are not UTF-8. Order
#: breaks ties in the plausibility score: Korean first (the kit's main use),
#: Western European before Central European. Supersets stand for their subsets
#: (cp949 ⊃ EUC-KR, gb18030 ⊃ GBK ⊃ GB2312, cp1252 ⊃ printable Latin-1);
#: cp932/cp950 only matter when shift_jis/big5 fail.
_LEGACY_CANDIDATES = (
    "cp949", "shift_jis", "cp932", "gb18030", "big5", "cp950", "cp1252", "cp1250", "cp1251",
)
#: charset-normalizer's guess is only consulted when no candidate above scores
#: this well, and must then beat them by 0.1: on short texts it guesses wildly
#: (cp1125 for "café", cp949 for a Chinese headline).
_ASK_CHARSET_NORMALIZER = 0.6
#: The guesses of charset-normalizer we follow: code pages still found in news
#: archives (not DOS or Mac code pages, which it proposes for short Latin texts).
_GUESS_ALLOWED = frozenset({
    "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp874",
    "iso8859-2", "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8",
    "iso8859-9", "iso8859-13", "iso8859-15", "iso8859-16", "koi8-r", "koi8-u",
    "euc_jp", "iso2022_jp", "iso2022_kr", "johab", "big5hkscs", "tis-620", "hz",
})
#: charset-normalizer names mapped to the superset codec we decode with.
_SUPERSET = {
    "euc_kr": "cp949",
    "ks_c_5601_1987": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "ascii": "cp1252",
}
_FAMILY = {
    "cp949": "ko", "euc_kr": "ko", "johab": "ko", "iso2022_kr": "ko",
    "shift_jis": "ja", "cp932": "ja", "euc_jp": "ja", "shift_jisx0213": "ja",
    "shift_jis_2004": "ja", "euc_jis_2004": "ja", "euc_jisx0213": "ja", "iso2022_jp": "ja",
    "gb18030": "zh_hans", "gbk": "zh_hans", "gb2312": "zh_hans", "hz": "zh_hans",
    "big5": "zh_hant", "cp950": "zh_hant", "big5hkscs": "zh_hant",
}
#: Below this plausibility score (see :func:`_plausibility`) a decoding is rejected.
_MIN_SCORE = 0.25
#: A decoded text with more than this share of control/replacement characters is not text.
_MAX_BAD_SHARE = 0.05
_OK_CONTROLS = frozenset("\t\n\r\f\v")
_OK_CONTROL_BYTES = frozenset(b"\t\n\r\f\v")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def _codec_name(name: str) -> str:
    """The canonical Python codec name (``"EUC-KR"`` -> ``"euc_kr"``)."""
    return codecs.lookup(name).name


def _binary_kind(data: bytes) -> str | None:
    """A description of the binary format when ``data`` starts with a known magic number."""
    for magic, offset, what in _MAGIC:
        if data[offset : offset + len(magic)] == magic:
            if magic == b"BZh":
                if re.match(rb"BZh[1-9]1AY&SY", data[:10]):
                    return "a BZIP2 archive"
                continue
            if magic in (b"ID3", b"ftyp") and b"\x00" not in data[:10]:
                continue  # "ID3 tags explained", "Softype ...": text after all
            return what
    if data[:4] == b"RIFF" and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    return None


#: at most one NUL byte in this many bytes (and none in the pattern of UTF-16/32) is a
#: stray NUL in a text, not the mark of a binary file
_STRAY_NUL_SHARE = 1000


def _nul_pattern_encoding(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` or ``utf-32-le``/``-be`` when NULs sit where BOM-less
    UTF-16/32 text of mostly Latin characters puts them; else ``None``."""
    n = len(data)
    if n >= 4 and n % 4 == 0:
        quads = n // 4
        le = sum(1 for i in range(0, n, 4) if data[i + 2] == 0 and data[i + 3] == 0)
        be = sum(1 for i in range(0, n, 4) if data[i] == 0 and data[i + 1] == 0)
        if le >= 0.9 * quads and data[0::4].count(0) < 0.5 * quads:
            return "utf-32-le"
        if be >= 0.9 * quads and data[3::4].count(0) < 0.5 * quads:
            return "utf-32-be"
    if n >= 2 and n % 2 == 0:
        pairs = n // 2
        even, odd = data[0::2].count(0), data[1::2].count(0)
        if odd >= 0.3 * pairs and even <= 0.05 * pairs:
            return "utf-16-le"
        if even >= 0.3 * pairs and odd <= 0.05 * pairs:
            return "utf-16-be"
    return None


_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\ud800-\udfff]")


def _bad_share(text: str) -> float:
    """Share of characters that never occur in real text: control characters
    (except tab, newlines, form feed), U+FFFD, private-use characters, surrogates."""
    if not text:
        return 0.0
    return len(_BAD_CHARS.findall(text)) / len(text)


@lru_cache(maxsize=65536)
def _han_tier(ch: str, family: str | None) -> int:
    """How common a Han character is for the language family: 2 = level 1 of
    GB2312 (zh_hans), Big5 (zh_hant) or JIS X 0208 (ja), 1 = level 2, 0 = neither.
    Families other than those take the best tier of the three."""

    def code(enc: str) -> int | None:
        try:
            b = ch.encode(enc)
        except UnicodeEncodeError:
            return None
        return b[0] << 8 | b[1] if len(b) == 2 else None

    def gb() -> int:
        c = code("gb2312")
        return 0 if c is None else 2 if c < 0xD800 else 1

    def b5() -> int:
        c = code("big5")
        return 0 if c is None else 2 if c < 0xC940 else 1

    def jis() -> int:
        c = code("shift_jis")
        return 0 if c is None else 2 if c < 0x989F else 1

    if family == "zh_hans":
        return gb()
    if family == "zh_hant":
        return b5()
    if family == "ja":
        return jis()
    return max(gb(), b5(), jis())


@lru_cache(maxsize=16384)
def _hangul_tier(ch: str) -> int:
    """2 = a frequent syllable, 1 = another of the 2,350 KS X 1001 (EUC-KR)
    syllables, 0 = a rare syllable (only in the cp949 extension)."""
    if ch in _FREQUENT_HANGUL:
        return 2
    try:
        return 1 if len(ch.encode("euc_kr")) == 2 else 0
    except UnicodeEncodeError:
        return 0


#: The 770 most frequent Hangul syllables (all in KS X 1001): those seen at least
#: four times in half of the Korean gettext catalogues and vim tutor of a Debian
#: system, plus the syllables of a list of common Korean news words and names.
#: They tell Korean from Chinese/Japanese bytes that happen to decode as cp949.
_FREQUENT_HANGUL = frozenset(
    "가각간갈감갑값갔강갖같개객갯갱거건걸검것게겟겠겨격견결겹겼경계고곤골곱곳공과곽관괄광괴교구국군궁권귀규균그극근글금급긍기"
    "긴길긺김깁깃깅깊까깜깨꺼께꼭꼴꾸꾼꿀꿈꿉뀌뀐뀜뀝끄끊끌끔끕끝나난날낡남납났낮내낸낼냄냅냈냐냥너널넘넣네넷년념노논높놓뇨누"
    "눈눌눕뉴느는늘능니닉닌님닙닛다닥단닫달담답당대댓더던덜덤덧덮데덱덴델도독돌동됐되된될됨됩두둘둡뒤뒷듈드득든들듦듬듭듯등디"
    "딘딩따딸때떠떤떻떼또뛰뜀뜁뜨뜻라락란람랍랑래랙랜램랩랫략량러럭런럴럼럽렀렇레렉렌렘렛려력련렬렸령례로록론롤롬롭롯뢰료루룩"
    "룬룰룸룹류륙률륨르른를름릅리릭린릴림립릿링마막만많말망맞매맥맨맴맵맷맹머먼멀멈메멘멤멧며면명몇모목몬몰못몽묘무묵묶문물므"
    "미민밀밋밍및밑바박밖반받발밝방배백버번범법벗베벡벤벨벳벵변별병보복본볼봅봉부북분불붙뷰브블비빈빌빔빙빠빨빼뺀뺄뿐사삭산살"
    "삼삽상새색샌생샤샨샷서석선설섬성세섹센셀셈셋셔션셰셸소속손솔송쇄쇼수숙순술숨숫쉘쉬쉼쉽슈스슨슬습슷승시식신실심십싱싶쌍써"
    "썬썼쓰쓴쓸씀씁씨씩아악안않알암압았앙앞애액앱야약얄양얕어억언얻얼엄업없엇었에엑엔엘여역연열염였영예옛오옥온올옮옴옵와완왑"
    "왔왕외왼요용우운울움웁웃워원월웨웹위윈윗유육윤율으은을음응의이익인일읽잃임입있자작잔잘잠잡장재잭쟁저적전절점접정제젝젯져"
    "졌조족존좀종좋좌주죽준줄줌줍중즈즉즘증지직진질짐집짓징짜짝짧째쪼쪽차착찬찰참창찾채책처천철첩첫청체쳐쳤초총최추축춘출춤춥"
    "충춰취츄츠측층치칙친칠침칩칭카칸칼캄캐캔캘커컨컬컴컵케켈켓켜켬코콘콜콤콥콩쿄쿠쿼퀀퀴큐크큰클큼큽키킨킬킴킵킷킹타탁탄탈탐"
    "탕태택탬탭터턴테텍텐텔템토톡톰톱통퇴투튀튜트특틀티틴틸팅파판팔팝팡패팩퍼페펴편평포폭폰폴폼표푸풀품풍퓨프플피픽핀필핑하학"
    "한할함합항해핵핸했행향허헌험헝헤혁현혈혐협혔형혜호혹혼홀홈홍화확환활황회획횟효후훈휴흐흔흘희히힌힐힘"
)

#: 1543 frequent Chinese characters (simplified and traditional): the 1,000 most
#: frequent in half of the zh_CN and of the zh_TW gettext catalogues of a Debian
#: system, plus those of a list of common Chinese news words.
_FREQUENT_HAN = frozenset(
    "一丁万三上下不与且世丘业东丢两严並个中串临丹为主举久么义之乌乎乔乘也习书了予争事二于互五亚些亞亡交亦产享京人什仅今介仍从"
    "仓他代令以们件价任份企伊伐众优伙会传伤伦伪伯伴伸伺似但佈位低住佐体佔何余佛作你佩併使來例供依侧便係俄保信修個倍們候倫值假"
    "偏做停側偵偽備储傳傷傾僅像優儲允元充先光克免入內全兩八公六兰共关其具典兹兼内冈冊册再冒写军冠冰冲决况准减几凭凯出击函分切"
    "划列则刚创初删判別利刪别到制刷刻則前剖剛剩剪副割力功加务动助努劳勒動務包匈化北匙匯匹区医匿區十升午华协協单南博占卡卢印即"
    "却卷卸卻厄历压原去县参參及双反发取受变叙叠口古句另只叫可台史右号司各合吉吊同名后向吗否含听启吻告员周味呼命和品哈响員哥哪"
    "唯商問啟喀喬單嗎嘗器嚴四回因围固国图圈國圍圖土圣在圭地圳场圾址均坎坏块坦垂垃型埃城域埠執基堆堡報場塊塔塞填境增墨壓壞壤士"
    "声处备复夏外多够夠夥大天太夫央失头夹夾奇套奥奧她好如姆始姓委威媒子字存孟学學宁它安完宏宗官定宛实客家容宽宾寄密富察實寫寬"
    "寸对寻导封射将將專尋對導小少尔尚尝尤就尺尼尽尾局层居屏展属層屬山岛島嵌川州工左差己已巴币市布希帐帕带帧席帮帳帶常幕幣干平"
    "年并幾广序库应底府废度庫康廢延廷建开异弃式引弗张張強弹强彈归当录形彩影径待很律後徑得從復循微德心必志快忽态急性怪总恢恩息"
    "恰悉您悬情惠想意愛態慧慮憑憶應戈成我或战截戰戳戴戶户所手才扎打托执扩扫扬批找承技把抑抓投护报拆拉拒拖拜拟拣拥择括拷拿持挂"
    "指按挪捕损换捨据捲捷授掉排掛採接控推掩揀描提插換援損搜摘摩摸撒撤播擁擇擊操據擬擴擷支收改攻放政故效救敗敘教散敦数整數文料"
    "斜断斯新斷方於族旗无既日旧早时旺昆昇明易星映是显時晚普景晶智暂暫暴曲更書曼替最會月有服朗望朝期木未末本术机杀权李杜束杠条"
    "来杰東松板构析林枚果架柄柏某染查标栈栏树校样核根格框案桌桑档桶梅條检棄森植楚業概構槽標模樣横樹機橫檔檢欄權次欧款歐止正此"
    "步武歧歷死殊段毀毁母每比毛毫民气氣水永求汇汉江汤決沃沒沙没河治況法波注泰泽洛洲活派流浅测济浏浮海消涉深混淺添清減温測港渲"
    "游湊湾源準溢溫滑滚满滤滿漏演漢澳激濟濾瀏灣火災灾点為烏热無焦然照爍爭爱父爾片版牌牙物特状狀独獨獲率王玛环现玻班現球理瑞瑟"
    "環瓜瓦甘生產用由电甸画界畔留略畫異當疊疏疫登發白百的皆皮监盒盖盘盛盡監盤盧目直相省看真眾着知短码砍破础硬确碟確碼磁礎礙示"
    "社祇祖禁福离私种科秒称移稀程種稱稿穆空突窗立竖站章端笔符第筆等策签简算管箭箱節範簇簡簽籤米类精糊系紀約紋納紐純紙級素索紧"
    "細紹終組結絕絡給統綁經維網綴緒線緣編緩緬縣縮總繪繫繼續红约级纯纳纹纽线组细终绍经绑结绕绘给络绝统继续维缀缓编缩缺网罗罩置"
    "署羅美群義翁翻老考者而耗耳耶联聖聚聞聯聲聽股肯育胀背胚胡能脚脫脱腊腦膨臘臨自臭至致臺與舉舊般良色艾节芬芯苏若英范茨茲荐荷"
    "莫莱获菜華菲萄萊萨萬落著葡蒂蒙蓋薩藏蘇蘭虑處虚虛號蜂螢蟲行術衝补表被裁装補裝裡製複西要覆見規視覽觀见规视览角解触觸言訂計"
    "訊記訪設許診註詞詢試話該詳誌認語誤說調談請論諸諾謝證識警譯議護讀變讓计订认议记许设访证识诊词译试话询该详语误说请诸诺读调"
    "谈谢象貝負貢貯買費貼貿資賓質賴賽贝负败账质贮贸费贾资赋赖赛赞赫起超越足距跟路跳踪蹤身軌軍軟較載輔輕輯輸轉车转轮软载较辅辑"
    "输辛辨边达过运近返还这进远违连迟迪述迴追退送适选透递逗這通速造連週進逻逾遇運遍過道達遞遠適遮遲選遺避還邊邏那邦邮郎郡部郵"
    "都鄰配醫采释釋里重量金鈕鈴鉤鉴銀銷錄錯鍵鎖鏈鏡鐘鑰针钟钥钮银链销锁错锡键镜長长門閃閉開閒間閩閱關门闪闭问闲间闻阅队阱阻阿"
    "附际降限院陣除陰陵陶陷陽隆階随隐隔際障隨險隱雅集雙雜離雨零雷電需震霍静靜非靠面韓韦韩音響頁頂項順須預頓領頭題額顏類顯页顶"
    "项顺须顿预领频题颜额風颱风飛飾餘饰首香馬騰驗马驱验體高鬆魯鲁鲜鸣麥麦麼黎黑默點黨鼠齊齐"
)

_COMMON_SYMBOLS = frozenset("«»°£©®§·¿¡¢¥€™–—‘’“”„•…※")
_IN_WORD_SYMBOLS = frozenset("’‘–—·-")  # "don’t", "well—known", "l·l"
_RARE_LATIN = frozenset("ƒŠšŽžŒœŸ")  # cp1252's extra letters: rarer, and typical of mojibake
_WORD = re.compile(r"[^\W\d_]{2,}")
#: Scoring looks at this many characters at most (the decode itself is strict
#: over all bytes); enough to judge, and fast on long files.
_SCORE_SAMPLE = 20000
_HAN_RE = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SPACED_HAN = re.compile(f"[{_HAN_RE}] [{_HAN_RE}]")
_KO_RUN = re.compile(f"[\uac00-\ud7a3{_HAN_RE}]+")


def _is_cjk(cp: int) -> bool:
    return 0xAC00 <= cp <= 0xD7A3 or 0x3040 <= cp <= 0x30FF or 0x4E00 <= cp <= 0x9FFF


def _is_cjk_class(cp: int) -> bool:
    """CJK letters and punctuation: they run together without spaces."""
    return _is_cjk(cp) or 0x3000 <= cp <= 0x303F or 0xFF00 <= cp <= 0xFFEF or 0x3130 <= cp <= 0x318F


def _case_breaks(word: str) -> bool:
    """Whether a word's case changes where real words don't, next to a non-ASCII
    letter: lower->upper ("sżÍ", "ґП") or upper-upper-lower ("ДДк")."""
    for k in range(1, len(word)):
        a, b = word[k - 1], word[k]
        if (a.isascii() and b.isascii()) or b == "ß" or a == "ß":
            continue  # ß has no capital in most texts: "GRÖßE" is fine
        if a.islower() and b.isupper():
            return True
        if k >= 2 and b.islower() and a.isupper() and word[k - 2].isupper():
            return True
    return False


def _char_weight(ch: str, family: str | None, run: int, touches: int, mixed_case: bool) -> float:
    """Plausibility of one non-ASCII character, about -3 (never in text) to 1.

    ``run`` is the length of the run of consecutive non-ASCII, non-space
    characters it belongs to; ``touches`` how many ASCII letters touch it (0-2);
    ``mixed_case`` whether its word changes case inside ("СЗлш", "sżÍ"), which
    real words hardly do but mis-decoded bytes do all the time.
    """
    cp = ord(ch)
    if cp <= 0x9F or ch == "\ufffd":
        return -3.0
    if _is_cjk(cp):
        # A CJK character glued to Latin letters ("OP플O", "熹uiere") is
        # usually a multi-byte decoder swallowing a Latin-1 letter plus the
        # next ASCII byte; "LG전자" is real but rarer than spaced text.
        glue = 0.2 * touches + (0.5 if touches == 2 else 0.0)
        if 0xAC00 <= cp <= 0xD7A3:  # Hangul syllables
            if family != "ko":
                return -1.0
            return (0.0, 0.6, 1.0)[_hangul_tier(ch)] - glue
        if 0x4E00 <= cp <= 0x9FFF:  # CJK unified ideographs
            if family == "ko":
                return 0.3 - glue  # hanja: legitimate in Korean news, but the exception
            tier = _han_tier(ch, family)
            if tier == 2 and ch in _FREQUENT_HAN:
                return 1.0 - glue
            return (-0.3, 0.2, 0.7)[tier] - glue
        return (1.0 if family == "ja" else -0.5) - glue  # kana
    if 0xFF61 <= cp <= 0xFF9F:  # half-width katakana: Korean/Chinese read as Shift-JIS
        return -1.0
    if 0x3000 <= cp <= 0x303F or 0xFF01 <= cp <= 0xFF60 or 0xFFE0 <= cp <= 0xFFEE:
        # CJK punctuation and full-width forms: everyday in Chinese and
        # Japanese, rarer in Korean (which mostly uses ASCII punctuation)
        if family == "ko":
            return 0.3 if cp <= 0x303F else 0.0
        return 0.8 if family in ("ja", "zh_hans", "zh_hant") else 0.3
    if 0x3130 <= cp <= 0x318F:  # Hangul compatibility jamo (ㅋㅋ, ㄱ)
        return -0.3
    if 0x31F0 <= cp <= 0x31FF:  # katakana extensions
        return 0.5 if family == "ja" else -0.5
    if 0x1100 <= cp <= 0x11FF or 0xA960 <= cp <= 0xA97F or 0xD7B0 <= cp <= 0xD7FF:
        return -1.0
    if 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF or cp >= 0x20000:
        return -0.5  # rare ideographs
    cat = unicodedata.category(ch)
    if cat in ("Co", "Cn", "Cs", "Cc"):
        return -3.0
    if cat == "Cf":
        return 0.0
    if cat == "Zs":
        return 0.5
    if cat[0] == "L":
        if mixed_case:
            return -0.5
        if cp < 0x0250 or 0x1E00 <= cp <= 0x1EFF:
            # accented Latin letters come alone or in short runs ("ção",
            # "część"); longer runs are mojibake ("Ã©Ã¨", "ÇÑ±¹")
            if run > 3:
                return -0.5
            if run == 3:
                return 0.3  # "część" is real, but so is Russian read as cp1252 ("Òèï")
            if ch in _RARE_LATIN:
                return -0.3 if ch == "ƒ" else 0.5 if ch == "Ÿ" else 0.7
            return 1.0 if cp < 0x0100 else 0.75  # Western European first
        if 0x0370 <= cp < 0x0E80 or 0x1F00 <= cp <= 0x1FFF:  # Greek, Cyrillic ... Thai
            if touches or run > 24:  # "cafщ"; no word is that long
                return -0.5  # "cafщ" is mojibake
            if 0x0400 <= cp <= 0x045F and not (0x0410 <= cp <= 0x044F or ch in "ЁёІіЇїЄєЎў"):
                return 0.3  # Ђ Ѓ Љ Њ Ћ Ќ Џ Ј Ѕ ...: rare outside Serbian/Macedonian
            return 1.0
        return -0.3
    if touches == 2 and ch not in _IN_WORD_SYMBOLS:
        return -0.5  # "mo¿na", "Ga³": a symbol inside a word is a misread letter
    if ch in _COMMON_SYMBOLS:
        if run == 1:
            return 0.8
        # glued to other non-ASCII characters: fine among punctuation ("»,"),
        # odd next to letters ("©Ô«i" is Big5 read as cp1252)
        return -0.3 if run > 3 else 0.2
    if cat[0] == "N":
        return 0.3
    if 0x2190 <= cp <= 0x21FF or 0x25A0 <= cp <= 0x25FF or 0x2600 <= cp <= 0x2606:
        return 0.3  # arrows, ▲△■◆○●, ★☆ (common in Asian news)
    if 0x2500 <= cp <= 0x257F:  # box drawing
        return -0.5
    if cat[0] == "M":
        return 0.0
    if run > 3:
        return -0.5
    return -0.2  # other symbols: ¤ ¦ ¨ ¬ ¯ ´ ¸ ¹ † ‰ ...


def _plausibility(text: str, encoding: str) -> float:
    """How much ``text`` looks like real writing, about -3 (garbage) to 1 (clean).

    The mean of per-character weights (:func:`_char_weight`) over the non-ASCII
    and control characters -- ASCII is the same under every candidate encoding,
    so it carries no signal. Frequent characters of the encoding's own script
    score high (frequent Hangul for cp949, level-1 hanzi of GB2312 for gb18030
    or of Big5 for big5, kana and level-1 kanji for Shift-JIS, Western accented
    letters alone or in pairs for code pages); rare syllables and ideographs,
    half-width katakana, runs of accented letters or symbols, CJK or Cyrillic
    glued to ASCII letters, box drawing, C1 controls and private-use characters
    score low. Two whole-text checks separate Korean from Chinese/Japanese,
    whose bytes decode validly under each other's codecs: Korean separates words
    with spaces (``"A B"`` between ideographs is penalised for Chinese/Japanese
    codecs), and Korean words are short (long unbroken Hangul/Han runs are
    penalised for cp949).
    """
    family = _FAMILY.get(encoding)
    text = text[:_SCORE_SAMPLE]
    total = 0.0
    count = 0
    n = len(text)
    mixed = bytearray(n)
    for m in _WORD.finditer(text):
        word = m.group()
        if not word.isascii() and _case_breaks(word):
            mixed[m.start() : m.end()] = b"\x01" * len(word)
    i = 0
    while i < n:
        ch = text[i]
        cp = ord(ch)
        if 0x20 <= cp < 0x7F or ch in _OK_CONTROLS:
            i += 1
            continue
        if cp < 0x20 or 0x7F <= cp <= 0x9F:  # C0/C1 controls (some count as spaces)
            total -= 3.0
            count += 1
            i += 1
            continue
        if ch.isspace():  # a non-ASCII space
            total += 0.5
            count += 1
            i += 1
            continue
        # a run of non-ASCII, non-space characters, CJK or not
        start = i
        cjk = _is_cjk_class(cp)
        while i < n and ord(text[i]) >= 0x80 and not text[i].isspace() and _is_cjk_class(ord(text[i])) == cjk:
            i += 1
        run = i - start
        before = start > 0 and text[start - 1].isascii() and text[start - 1].isalpha()
        after = i < n and text[i].isascii() and text[i].isalpha()
        for k in range(start, i):
            touches = (k == start and before) + (k == i - 1 and after)
            total += _char_weight(text[k], family, run, touches, bool(mixed[k]))
            count += 1
    if count == 0:
        return 1.0
    score = total / count
    if family in ("zh_hans", "zh_hant", "ja"):
        han = sum(1 for ch in text if 0x4E00 <= ord(ch) <= 0x9FFF)
        if han >= 4 and len(_SPACED_HAN.findall(text)) >= 0.15 * han:
            score -= 0.3  # word spacing between ideographs: Korean in disguise
    elif family == "ko":
        runs = _KO_RUN.findall(text)
        letters = sum(map(len, runs))
        if letters >= 8 and letters / len(runs) > 7:
            score -= 0.5  # no word spacing: Chinese/Japanese in disguise
    return score


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _charset_normalizer_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes

        with _quiet_logs():
            best = from_bytes(data).best()
        if best is None or not best.encoding:
            return None
        return _codec_name(best.encoding)
    except Exception:  # a guess is optional
        return None


def _decode_legacy(data: bytes, source: object | None) -> tuple[str, str]:
    """Pick the most plausible legacy (non-UTF) decoding; see :func:`decode_bytes`."""
    best: tuple[float, str, str] | None = None
    seen: set[str] = set()

    def consider(enc: str, handicap: float = 0.0) -> None:
        nonlocal best
        text = _try_decode(data, enc)
        if text is None or text in seen:
            return
        seen.add(text)
        score = _plausibility(text, enc) - handicap
        if best is None or score > best[0]:
            best = (score, text, enc)

    for enc in _LEGACY_CANDIDATES:
        consider(enc)
    tried = list(_LEGACY_CANDIDATES)
    if best is None or best[0] < _ASK_CHARSET_NORMALIZER:
        guess = _charset_normalizer_guess(data)
        if guess:
            guess = _SUPERSET.get(guess, guess)
            if guess not in tried and guess in _GUESS_ALLOWED:
                tried.append(guess)
                consider(guess, handicap=0.1)
    # A few stray non-ASCII bytes in a long text cannot be judged: take the best.
    stray = sum(1 for b in data if b >= 0x80) <= max(2, len(data) // 100)
    if stray:
        consider("latin-1", handicap=0.5)  # decodes anything
    if best is not None and (best[0] >= _MIN_SCORE or stray) and _bad_share(best[1]) <= _MAX_BAD_SHARE:
        return best[1], best[2]
    # Nothing convincing: is it binary after all?
    controls = sum(1 for b in data if (b < 0x20 and b not in _OK_CONTROL_BYTES) or b == 0x7F)
    if controls > 0.1 * len(data):
        raise BinaryContent(
            f"not text: {controls / len(data):.0%} of the bytes are control characters", source
        )
    tried_names = ", ".join(tried)
    detail = f" (best guess {best[2]} looks like mojibake)" if best else ""
    raise DecodingError(
        f"cannot decode the bytes as text: not UTF-8, and none of {tried_names} gives "
        f"plausible text{detail}; name the encoding in a sidecar (encoding: ...)",
        source,
    )


def decode_bytes(data: bytes, source: object | None = None, *, hint: str | None = None) -> tuple[str, str]:
    """Decode the bytes of an article; return ``(text, encoding)``.

    ``source`` is only used in error messages (the file name). ``hint`` is an
    encoding to prefer after UTF-8 (e.g. an HTML ``<meta charset>``); it is used
    when the bytes decode under it without errors.

    The steps, in order:

    1. no bytes -> :class:`EmptyArticle`;
    2. a byte order mark (UTF-32 LE/BE, UTF-8, UTF-16 LE/BE) decides; the BOM is
       removed (encoding ``"utf-8-sig"``, ``"utf-16-le"`` ...);
    3. a known magic number (PNG, JPEG, GIF, PDF, ZIP/docx, GZIP, ELF ...) ->
       :class:`BinaryContent`;
    4. NUL bytes at every other (fourth) position -> BOM-less UTF-16 (UTF-32);
       other NUL bytes -> :class:`BinaryContent`, unless they are a few strays in a long
       text (at most one byte in :data:`_STRAY_NUL_SHARE`), which are kept;
    5. strict UTF-8 (``"utf-8"``); then ``hint`` if it decodes plausibly;
    6. legacy encodings: cp949 (a superset of EUC-KR), shift_jis, cp932,
       gb18030 (a superset of GBK/GB2312), big5, cp950, cp1252, cp1250, cp1251,
       each decoded strictly and scored for plausibility (:func:`_plausibility`:
       frequent characters of the codec's script score high, mojibake low); the
       best wins and ties go to the earlier candidate, so Korean wins a tie.
       charset-normalizer (``from_bytes(...).best()``) is unreliable on short
       texts (it reads "café" as cp1125 and short Chinese headlines as cp949),
       so its guess is consulted only when no candidate scores well, and must
       then score 0.1 higher (Greek, Hebrew, Turkish, KOI8-R ... code pages);
       a few stray non-ASCII bytes in a long ASCII text are accepted as is;
    7. nothing plausible -> :class:`BinaryContent` when control characters
       abound, else :class:`DecodingError`.

    A text with more than 5 % control/replacement characters is rejected as
    binary, and a text with no visible character raises :class:`EmptyArticle`.
    The text is otherwise returned exactly as decoded: line endings and
    surrounding whitespace are kept, because offsets index it.
    """
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise TypeError(f"decode_bytes() needs bytes, not {type(data).__name__}")
    if not data:
        raise EmptyArticle("empty file (0 bytes)", source)
    text: str | None = None
    encoding = ""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            body = data if enc == "utf-8-sig" else data[len(bom) :]
            text = _try_decode(body, enc)
            if text is None and enc == "utf-32-le":
                continue  # FF FE 00 00 may be UTF-16 LE with a leading NUL character
            if text is None:
                raise DecodingError(f"starts with a {enc} byte order mark but is not valid {enc}", source)
            encoding = enc
            break
    if text is None:
        kind = _binary_kind(data)
        if kind:
            raise BinaryContent(f"binary content: this is {kind}, not text", source)
        if b"\x00" in data:
            enc = _nul_pattern_encoding(data)
            text = _try_decode(data, enc) if enc else None
            if text is None and data.count(0) * _STRAY_NUL_SHARE > len(data):
                raise BinaryContent(
                    f"binary content: {data.count(0)} NUL byte(s), not text", source
                )
            # (else a few stray NUL bytes in a long text, a page a server padded: decoded
            # below, and kept)
            encoding = enc  # type: ignore[assignment]
    if text is None:
        text = _try_decode(data, "utf-8")
        encoding = "utf-8"
    if text is None and hint:
        try:
            hint_enc = _codec_name(hint)
        except LookupError:
            hint_enc = None
        if hint_enc and not hint_enc.startswith(("utf-16", "utf-32")):  # as browsers do
            hint_enc = _SUPERSET.get(hint_enc, hint_enc)
            text = _try_decode(data, hint_enc)
            encoding = hint_enc
            if text is not None and _plausibility(text, hint_enc) < _MIN_SCORE:
                text = None
    if text is None:
        text, encoding = _decode_legacy(data, source)
    bad = _bad_share(text)
    if bad > _MAX_BAD_SHARE:
        raise BinaryContent(
            f"not text: {bad:.0%} of the characters are control or replacement "
            f"characters (decoded as {encoding})",
            source,
        )
    if not _visible(text):
        raise EmptyArticle("no visible text: the file holds only whitespace", source)
    return text, encoding


def _visible(text: str) -> bool:
    return any(not ch.isspace() and ch not in _INVISIBLE for ch in text)
