//! The alliance system in a document: mentions of actors, alliances, frameworks and
//! agreements, and the events of agreements.

use serde::{Deserialize, Serialize};

use crate::{Date, Span};

/// The category of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityCategory {
    /// A state.
    Country,
    /// An international organisation, body, ministry or agency.
    Organization,
    /// A treaty alliance (NATO, US–Japan).
    Alliance,
    /// A minilateral framework or partnership (Quad, AUKUS, IP4).
    Framework,
    /// A treaty, declaration, joint statement, plan or pledge.
    Agreement,
}

impl EntityCategory {
    /// The lower-case name used in JSON Lines and CSV (`country`, `organization` …).
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityCategory::Country => "country",
            EntityCategory::Organization => "organization",
            EntityCategory::Alliance => "alliance",
            EntityCategory::Framework => "framework",
            EntityCategory::Agreement => "agreement",
        }
    }
}

/// One mention of an entity in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Where it stands.
    pub span: Span,
    /// The text as written.
    pub text: String,
    /// The entity's category.
    pub category: EntityCategory,
    /// The entity's id (knowledge-base id, or `doc:…` for one learnt from this document).
    pub entity: String,
    /// Set when the mention is part of a compound form (`日米韓` gives Japan, USA, ROK
    /// and the trilateral framework): the compound as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compound: Option<String>,
    /// A date tied to the mention (an agreement's date in the sentence).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Index of the block it stands in.
    pub block: usize,
}

/// An entity mentioned in a document, with what the knowledge base knows of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Knowledge-base id, or `doc:…` for one learnt from this document.
    pub id: String,
    /// Its category.
    pub category: EntityCategory,
    /// Japanese name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_ja: Option<String>,
    /// English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Abbreviations (`NATO`, `IPCP`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub abbreviations: Vec<String>,
    /// A finer type (`collective_defence`, `treaty`, `joint_statement` …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Members of an alliance, parties to an agreement (entity ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<String>,
    /// Number of mentions in the document.
    pub mentions: usize,
    /// True when it is not in the knowledge base and was learnt from this document.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub learnt: bool,
}

/// What happened to an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// 署名.
    Signed,
    /// 締結.
    Concluded,
    /// 採択.
    Adopted,
    /// 発表, 発出.
    Announced,
    /// 発効.
    EnteredIntoForce,
    /// 改定.
    Revised,
    /// 更新.
    Renewed,
    /// 停止.
    Suspended,
    /// 失効, 破棄.
    Terminated,
    /// 脱退.
    Withdrawn,
    /// 合意.
    Agreed,
}

/// An event of an agreement found in the text or known to the knowledge base.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgreementEvent {
    /// The agreement's entity id.
    pub agreement: String,
    /// What happened.
    pub kind: EventKind,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Who took part (entity ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<String>,
    /// The sentence or clause it was read from; `None` when it comes from the knowledge base.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// The entities of a document, grouped.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Entities {
    /// Countries and organisations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Entity>,
    /// Alliances and frameworks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alliances: Vec<Entity>,
    /// Agreements.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreements: Vec<Entity>,
    /// Agreement events.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<AgreementEvent>,
}
