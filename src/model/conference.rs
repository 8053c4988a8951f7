use super::Date;
use serde::{Deserialize, Serialize};

/// Which resolution the cycle follows: ITU-D Resolution 31 (WTDC) or ITU-T Resolution 43 (WTSA).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    Wtdc,
    Wtsa,
}

impl Profile {
    /// "wtdc" or "wtsa".
    pub fn code(self) -> &'static str {
        self.spec().code
    }
}

/// The cycle as described by `conference.yaml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Conference {
    pub profile: Profile,
    pub conference: ConferenceInfo,
    /// The last TDAG or TSAG meeting; required under `wtdc`, optional under `wtsa`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advisory_group: Option<AdvisoryGroup>,
    /// The Council session the Res. 43 report goes to (`wtsa`), printed on its cover.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub council: Option<CouncilSession>,
    #[serde(default)]
    pub coordination_meeting: Option<CoordinationMeeting>,
    #[serde(default)]
    pub other_meetings: Vec<NamedPeriod>,
    pub documents: Documents,
    #[serde(default = "default_language")]
    pub language: String,
    /// The revision of the resolution the cycle follows, as cited ("Rev. Baku, 2025"); the
    /// profile's default when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution_revision: Option<String>,
    /// The clause labels of that revision, by clause id, in the report language; not given:
    /// the catalogue's labels of the profile's default revision.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub resolution_clauses: std::collections::BTreeMap<String, String>,
    /// The secretariat's contact for the reports, printed on their covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
}

/// A contact person of the secretariat.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    /// The person's position ("Head, Projects and Knowledge Management Department").
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

/// Default report language.
pub fn default_language() -> String {
    "en".to_string()
}

/// The world conference or assembly itself.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ConferenceInfo {
    pub name: String,
    pub title: String,
    pub venue: String,
    pub start: Date,
    pub end: Date,
}

/// The last TDAG (wtdc) or TSAG (wtsa) meeting before the conference.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AdvisoryGroup {
    pub name: String,
    /// Which meeting of the group it is ("32nd meeting").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    pub start: Date,
    pub end: Date,
    /// The day the group adopted the synthesis report; not given: not yet adopted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted: Option<Date>,
}

/// A session of the ITU Council.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CouncilSession {
    /// As the cover names it: "Council 2028".
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    pub start: Date,
    pub end: Date,
}

/// The meeting of RPM chairs and vice-chairs (Res. 31 resolves 2; Res. 43 informal meeting).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CoordinationMeeting {
    pub date: Date,
    #[serde(default)]
    pub venue: Option<String>,
}

/// Another meeting of the cycle, used for the overlap check.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NamedPeriod {
    pub name: String,
    pub start: Date,
    pub end: Date,
}

/// Document symbols printed on cover pages and page headers.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Documents {
    /// Required under `wtdc`; under `wtsa` a TSAG TD ("TSAG/TD100") gives the synthesis a TD
    /// header, and none makes it an annex of the report to the Council.
    #[serde(default)]
    pub synthesis: String,
    pub implementation: String,
    /// The issue date of the reports; not given: the first day of the meeting each is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The issue date of the implementation report, when it is not `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementation_date: Option<Date>,
    /// The ITU-T study period on a TSAG TD's header ("2025-2028"); not given: the four years
    /// ending with the assembly's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study_period: Option<String>,
}
