//! Synthetic record trees of any size, with the shape and Japanese text of a
//! real portfolio: the guideline's four 分野 and 21 ビジョン items, about 60
//! records per 領域, 課題 : 手法 : 技術 about 4 : 3.5 : 2.5, every stage,
//! indicators, teams and decisions where the stages need them.
//!
//! Shared by the benchmark harness (`benches/check.rs`) and the generator
//! (`examples/gen_tree.rs`). Deterministic: the same size gives the same tree.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

const FIELDS: [(&str, &str, usize); 4] = [
    ("kurashi", "暮らし手続き", 6),
    ("gyosei", "行政内部", 6),
    ("sankaku", "住民参画", 4),
    ("kyoiku", "教育環境", 5),
];

const SUBJECTS: [&str; 12] = [
    "転入手続",
    "児童手当",
    "介護認定",
    "証明書交付",
    "施設予約",
    "税の申告",
    "文書決裁",
    "会議運営",
    "庁内照会",
    "意見募集",
    "学習記録",
    "保護者連絡",
];
const GAPS: [&str; 6] = [
    "来庁しなければ完了しない",
    "紙への記入が必要",
    "同じ情報を何度も提出する",
    "担当者の手作業に頼っている",
    "情報が必要な人に届かない",
    "場所と時間に縛られる",
];
const METHODS: [&str; 6] = [
    "オンライン化",
    "ペーパーレス化",
    "業務の自動化",
    "データ連携",
    "プッシュ型通知",
    "窓口の一元化",
];
const TECHS: [&str; 6] = [
    "電子申請システム",
    "RPAツール",
    "AI-OCR",
    "クラウド基盤",
    "チャットボット",
    "Web会議システム",
];
const STAGES: [&str; 7] = [
    "検討",
    "実証実験",
    "先行導入",
    "導入決定",
    "運用",
    "見送り",
    "廃止",
];
const DEPTS: [&str; 5] = ["市民課", "デジタル推進課", "総務課", "学校教育課", "広報課"];

/// A small deterministic generator (xorshift64*), so no dependency is needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// What was written.
pub(crate) struct Written {
    /// Records written.
    pub records: usize,
    /// Bytes of all files.
    pub bytes: u64,
}

fn put(path: &Path, text: &str, bytes: &mut u64) -> std::io::Result<()> {
    *bytes += text.len() as u64;
    std::fs::write(path, text)
}

/// The synthetic city's dx.toml.
const SETTINGS: &str =
    "[tree]\norganization = \"合成市\"\nperiod_start = 2020-04-01\nperiod_end = 2029-03-31\n";

/// The five 原則 of principles.toml.
fn principles() -> String {
    let mut p = String::new();
    for i in 1..=5 {
        let _ = write!(p, "[[principle]]\nid = \"P{i}\"\ntitle = \"原則{i}\"\n\n");
    }
    p
}

/// Write a tree of about `records` records under `root` (which must not exist
/// or be empty). `broken_per_mille` records get a broken link.
pub(crate) fn generate(
    root: &Path,
    records: usize,
    broken_per_mille: usize,
) -> std::io::Result<Written> {
    let mut bytes = 0;
    std::fs::create_dir_all(root)?;
    put(&root.join("dx.toml"), SETTINGS, &mut bytes)?;
    let mut p = principles();
    for i in 1..=3 {
        let _ = write!(
            p,
            "[[consideration]]\nid = \"C{i}\"\ntitle = \"配慮{i}\"\n\n"
        );
    }
    put(&root.join("principles.toml"), &p, &mut bytes)?;
    let mut n = String::from("source = \"合成\"\n");
    for i in 1..=6 {
        let _ = write!(
            n,
            "[[priority]]\nid = \"N{i}\"\ntitle = \"国の取組{i}\"\n\n"
        );
    }
    put(&root.join("national.toml"), &n, &mut bytes)?;
    for (id, name, visions) in FIELDS {
        std::fs::create_dir_all(root.join(id))?;
        let mut f = format!("name = \"{name}\"\nworking_group = \"{name}作業部会\"\n\n");
        for v in 1..=visions {
            let _ = write!(
                f,
                "[[vision]]\nno = {v}\ntext = \"{name}のビジョン{v}: 市民等は、いつでも、どこからでも手続きを行うことができます。\"\n\n"
            );
        }
        put(&root.join(id).join("field.toml"), &f, &mut bytes)?;
    }

    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ records as u64);
    let per_domain = 60;
    let domains = records.div_ceil(per_domain).max(1);
    let (mut k, mut s, mut g) = (0usize, 0usize, 0usize);
    let mut written = 0;
    for d in 0..domains {
        let (field, _, visions) = FIELDS[d % FIELDS.len()];
        let dir = root.join(field).join(format!("d{d:05}"));
        std::fs::create_dir_all(&dir)?;
        put(
            &dir.join("domain.toml"),
            &format!("name = \"領域{d}\"\ndescription = \"合成された領域\"\n"),
            &mut bytes,
        )?;
        let here = per_domain.min(records - written);
        let issues = (here * 4 / 10).max(1);
        let methods = (here * 35 / 100).max(1);
        let techs = here.saturating_sub(issues + methods);
        let first_k = k + 1;
        for _ in 0..issues {
            k += 1;
            let subject = rng.pick(&SUBJECTS);
            let v1 = 1 + rng.below(visions);
            let closed = if rng.below(20) == 0 {
                "\n[closed]\ndate = 2024-03-29\nreason = \"業務自体を廃止\"\n"
            } else {
                ""
            };
            let text = format!(
                "title = \"{subject}で{gap}\"\nvision = [\"{field}-{v1}\"]\ncurrent = \"{subject}は現在、窓口と紙で処理している。\"\nowner = \"{dept}\"\nvisibility = \"public\"\ntags = [\"{subject}\"]\n{closed}",
                gap = rng.pick(&GAPS),
                dept = rng.pick(&DEPTS),
            );
            put(&dir.join(format!("K-{k:06}.toml")), &text, &mut bytes)?;
        }
        let first_s = s + 1;
        for _ in 0..methods {
            s += 1;
            let target = first_k + rng.below(issues);
            let solves = if rng.below(1000) < broken_per_mille {
                999_999
            } else {
                target
            };
            let stage = STAGES[rng.below(STAGES.len())];
            let text = format!(
                "title = \"{subject}の{method}\"\nsolves = [\"K-{solves:06}\"]\nprinciples = [\"P{p1}\", \"P{p2}\"]\nconsiderations = [\"C1\"]\nnational = [\"N{n}\"]\nstage = \"{stage}\"\nowner = \"{dept}\"\nvisibility = \"public\"\n{work}",
                subject = rng.pick(&SUBJECTS),
                method = rng.pick(&METHODS),
                p1 = 1 + rng.below(2),
                p2 = 3 + rng.below(3),
                n = 1 + rng.below(6),
                dept = rng.pick(&DEPTS),
                work = work(stage, &mut rng),
            );
            put(&dir.join(format!("S-{s:06}.toml")), &text, &mut bytes)?;
        }
        for _ in 0..techs {
            g += 1;
            let method = first_s + rng.below(methods);
            let stage = STAGES[rng.below(STAGES.len())];
            let text = format!(
                "title = \"{tech}\"\nimplements = [\"S-{method:06}\"]\nstage = \"{stage}\"\nproduct = \"{tech}(クラウド型)\"\nowner = \"{dept}\"\nvisibility = \"internal\"\n{work}",
                tech = rng.pick(&TECHS),
                dept = rng.pick(&DEPTS),
                work = work(stage, &mut rng),
            );
            put(&dir.join(format!("G-{g:06}.toml")), &text, &mut bytes)?;
        }
        written += issues + methods + techs;
        if written >= records {
            break;
        }
    }
    Ok(Written {
        records: written,
        bytes,
    })
}

/// Team, indicators, review date and decisions as the stage needs them.
fn work(stage: &str, rng: &mut Rng) -> String {
    let mut w = String::new();
    if matches!(stage, "運用") {
        w.push_str("review_due = 2028-03-31\n");
    }
    if matches!(stage, "実証実験" | "先行導入") {
        let _ = write!(
            w,
            "\n[team]\nname = \"検討チーム\"\nkind = \"検討チーム\"\nlead = \"{}長\"\ndepartments = [\"市民課\", \"デジタル推進課\"]\n",
            rng.pick(&DEPTS)
        );
    }
    if matches!(stage, "実証実験" | "先行導入" | "導入決定" | "運用") {
        let base = rng.below(50);
        let _ = write!(
            w,
            "\n[[indicator]]\nname = \"オンライン申請率\"\nunit = \"%\"\nbaseline = {base}.0\ntarget = {}.0\ntarget_date = 2028-03-31\nactual = {}.0\nmeasured = 2026-09-30\n",
            base + 40,
            base + rng.below(40)
        );
    }
    if matches!(stage, "導入決定" | "運用" | "見送り" | "廃止" | "実証実験") {
        let result = match stage {
            "見送り" => "見送り",
            "廃止" => "廃止",
            "実証実験" => "実証開始",
            _ => "導入",
        };
        let _ = write!(
            w,
            "\n[[decision]]\ndate = 2025-0{}-15\nbody = \"作業部会\"\nresult = \"{result}\"\nnote = \"作業部会で審議した。\"\n",
            1 + rng.below(9)
        );
    }
    w
}

/// A tree shaped to find quadratic steps: one 課題 and `methods` 手法 that
/// all solve it, each expanding the one before (a 横展開 chain as long as
/// the tree). A report that walks the 課題's 手法 for each 手法, or the
/// chain for each link of it, is quadratic here and nowhere else.
pub(crate) fn generate_wide_deep(root: &Path, methods: usize) -> std::io::Result<Written> {
    let mut bytes = 0;
    let dir = root.join("kurashi/online");
    std::fs::create_dir_all(&dir)?;
    put(&root.join("dx.toml"), SETTINGS, &mut bytes)?;
    put(&root.join("principles.toml"), &principles(), &mut bytes)?;
    put(
        &root.join("national.toml"),
        "source = \"合成\"\n\n[[priority]]\nid = \"N1\"\ntitle = \"国の取組1\"\n",
        &mut bytes,
    )?;
    put(
        &root.join("kurashi/field.toml"),
        "name = \"暮らし手続き\"\n\n[[vision]]\nno = 1\ntext = \"市民等は、いつでも手続きを行うことができます。\"\n",
        &mut bytes,
    )?;
    put(
        &dir.join("domain.toml"),
        "name = \"オンライン\"\n",
        &mut bytes,
    )?;
    put(
        &dir.join("K-000001.toml"),
        "title = \"手続がオンラインでできない\"\nvision = [\"kurashi-1\"]\nowner = \"市民課\"\n",
        &mut bytes,
    )?;
    for s in 1..=methods {
        let expands = if s > 1 {
            format!("expands = [\"S-{:06}\"]\n", s - 1)
        } else {
            String::new()
        };
        put(
            &dir.join(format!("S-{s:06}.toml")),
            &format!(
                "title = \"オンライン化 {s}\"\nsolves = [\"K-000001\"]\nprinciples = [\"P1\"]\nnational = [\"N1\"]\nstage = \"構想\"\nowner = \"市民課\"\n{expands}"
            ),
            &mut bytes,
        )?;
    }
    Ok(Written {
        records: methods + 1,
        bytes,
    })
}
