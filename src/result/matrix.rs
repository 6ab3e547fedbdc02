//! Compare plans: for the visitor's situation, every plan × business impact as the engine
//! evaluates it (the reverse query `outcomes_by_plan`), with the cells that differ from the
//! visitor's own plan marked.

use crate::engine::{outcomes_by_plan, Answer, Answers, Context, Outcome};
use crate::policy::data::{q, v, QUESTIONS};
use crate::policy::text::TextId;
use crate::result::headline::{rows, Row, RowKind, RowValue};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanMatrix {
    /// The heading of the plan column (the plan question's short name).
    pub plan_heading: TextId,
    /// The impact columns' headings.
    pub impacts: Vec<TextId>,
    pub rows: Vec<MatrixRow>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixRow {
    pub plan: TextId,
    /// The visitor's own plan.
    pub mine: bool,
    pub cells: Vec<MatrixCell>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixCell {
    pub value: CellValue,
    /// Says something else than the visitor's own plan in this column (`CellValue::shown`).
    pub differs: bool,
}

/// What one plan gives for one impact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellValue {
    /// The severity, and the response when the outcome has one (written "B: 2 hours").
    Severity {
        severity: Row,
        response: Option<Row>,
    },
    /// No severity: the coverage answer instead (e.g. not covered).
    Coverage(Row),
    /// The engine concluded neither.
    Nothing,
}

impl CellValue {
    /// What the cell says: two cells that read the same are the same, whichever response table
    /// they come from (Subscription A and ProDirect A are both one hour, around the clock).
    pub fn shown(&self) -> [Option<RowValue>; 2] {
        match self {
            CellValue::Severity { severity, response } => {
                [Some(severity.value()), response.map(|r| r.value())]
            }
            CellValue::Coverage(coverage) => [Some(coverage.value()), None],
            CellValue::Nothing => [None, None],
        }
    }
}

fn cell_value(out: &Outcome) -> CellValue {
    let rows = rows(out);
    let find = |kind: RowKind| rows.iter().copied().find(|r| r.kind() == kind);
    match (find(RowKind::Severity), find(RowKind::Coverage)) {
        (Some(severity), _) => CellValue::Severity {
            severity,
            response: find(RowKind::Response),
        },
        (None, Some(coverage)) => CellValue::Coverage(coverage),
        (None, None) => CellValue::Nothing,
    }
}

/// Answers to the plan question that are not plans of their own.
const NOT_PLANS: [u8; 2] = [v::plan::UNIFIED_ENTERPRISE, v::plan::NONE];

pub fn plan_matrix(answers: &Answers, ctx: &Context) -> PlanMatrix {
    let impacts: Vec<u8> = (0..QUESTIONS
        .get(usize::from(q::IMPACT))
        .map_or(0, |d| d.options.len()))
        .filter_map(|i| u8::try_from(i).ok())
        .collect();
    // columns[impact][plan index] = (plan, cell)
    let columns: Vec<Vec<(u8, CellValue)>> = impacts
        .iter()
        .map(|&impact| {
            let mut what_if = *answers;
            what_if.set_index(q::IMPACT, Answer::Choice(impact));
            outcomes_by_plan(&what_if, ctx)
                .iter()
                .map(|(plan, out)| (*plan, cell_value(out)))
                .collect()
        })
        .collect();
    let mine = answers.choice(q::PLAN);
    let cell = |plan: u8, col: &Vec<(u8, CellValue)>| {
        col.iter()
            .find(|(p, _)| *p == plan)
            .map_or(CellValue::Nothing, |(_, c)| c.clone())
    };
    // Plans only: "Unified, tier not known" and "no plan" are answers, not plans one can compare
    // or buy, so they get a row only when they are the visitor's own answer.
    let plans: Vec<u8> = columns
        .first()
        .map(|c| c.iter().map(|(p, _)| *p).collect::<Vec<u8>>())
        .unwrap_or_default()
        .into_iter()
        .filter(|&p| NOT_PLANS.iter().all(|&n| n != p) || mine == Some(p))
        .collect();
    let rows = plans
        .into_iter()
        .map(|plan| {
            let is_mine = mine == Some(plan);
            MatrixRow {
                plan: TextId::option(q::PLAN, plan),
                mine: is_mine,
                cells: columns
                    .iter()
                    .map(|col| {
                        let value = cell(plan, col);
                        let differs =
                            !is_mine && mine.is_some_and(|m| cell(m, col).shown() != value.shown());
                        MatrixCell { value, differs }
                    })
                    .collect(),
            }
        })
        .collect();
    PlanMatrix {
        plan_heading: TextId::question_summary(q::PLAN),
        impacts: impacts
            .iter()
            .map(|&i| TextId::option(q::IMPACT, i))
            .collect(),
        rows,
    }
}
