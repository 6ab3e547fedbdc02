//! Every problem found while compiling, collected so that one build reports all of them.

/// The problems found so far, each a sentence that names the file and the rule or entry.
#[derive(Debug, Default)]
pub struct Errors(pub Vec<String>);

impl Errors {
    pub fn push(&mut self, msg: String) {
        self.0.push(msg);
    }
}
