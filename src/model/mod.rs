//! The typed data every stage passes along: cycle, regions, proposals, groups, diagnostics.

mod conference;
mod consolidated;
mod date;
mod diagnostic;
mod proposal;
mod region;
mod rpm;
mod topic;

pub use conference::{
    AdvisoryGroup, Conference, ConferenceInfo, CoordinationMeeting, Documents, NamedPeriod,
    Profile, default_language,
};
pub use consolidated::{
    Consolidated, Finding, FindingKind, Group, GroupKind, TimelineCheck, TimelineStatus,
};
pub use date::Date;
pub use diagnostic::{Diagnostic, Severity, SourcePos};
pub use proposal::{Action, Proposal};
pub use region::Region;
pub use rpm::{
    Cycle, InterRegionalMeeting, Meeting, Participation, RegionalInitiative, Rpm, Section,
};
pub use topic::Topic;
