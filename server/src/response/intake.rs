//! Taking in citizens' responses under load: one writer per server stores whatever has queued
//! up while it wrote the last lot, in one transaction of a few statements. A thousand senders
//! then share a handful of commits instead of each queueing for SQLite's write lock (and each
//! paying a dozen hand-offs to the database thread while holding it).

use super::db::{self as response_db, Arrival};
use crate::mail::Outbox;
use crate::version::db::VersionError;
use crate::web::limits::Limits;
use hoering::mail::Mail;
use sqlx::AnyPool;
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// At most this many responses go into one transaction: enough that a queue of hundreds
/// empties in a few commits, few enough that one commit stays short.
const MOST_AT_ONCE: usize = 128;

/// What became of a submitted response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Committed: the receipt is in the outbox.
    Stored { id: i64, created_at: i64 },
    /// Not stored: the client has sent too many; it may send again in this many minutes.
    OverLimit { minutes: u64 },
}

#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    #[error("storing the response failed")]
    Store(#[from] VersionError),
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
    #[error("counting the client's responses failed")]
    Limit(#[from] crate::web::limits::LimitError),
    /// The batch insert returned fewer rows than it was given: a fault of ours.
    #[error("{0} responses were stored, fewer than were sent")]
    Short(usize),
    #[error("the response writer stopped before answering")]
    Lost,
}

/// Builds a response's receipt once its id and time are known.
pub type Receipt = Box<dyn Fn(i64, i64) -> Mail + Send + Sync>;

/// A response handed to the writer.
pub struct Submitted {
    pub arrival: Arrival,
    /// What the response limit counts it under (client and hearing), or `None` for no limit.
    pub limit_key: Option<String>,
    pub receipt: Receipt,
}

struct Job {
    submitted: Submitted,
    answer: oneshot::Sender<Result<Outcome, IntakeError>>,
}

/// The queue to this server's response writer.
#[derive(Clone)]
pub struct Intake {
    queue: mpsc::Sender<Job>,
}

impl std::fmt::Debug for Intake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Intake").finish_non_exhaustive()
    }
}

impl Intake {
    /// Starts the writer on the current runtime; it ends when the last `Intake` is dropped.
    pub fn start(pool: AnyPool, limits: Arc<Limits>, outbox: Arc<Outbox>) -> Intake {
        let (queue, jobs) = mpsc::channel(4 * MOST_AT_ONCE);
        tokio::spawn(write(
            jobs,
            Writer {
                pool,
                limits,
                outbox,
            },
        ));
        Intake { queue }
    }

    /// Queues a response and waits until it is committed (or refused, or failed).
    pub async fn submit(&self, submitted: Submitted) -> Result<Outcome, IntakeError> {
        let (answer, answered) = oneshot::channel();
        self.queue
            .send(Job { submitted, answer })
            .await
            .map_err(|_| IntakeError::Lost)?;
        answered.await.map_err(|_| IntakeError::Lost)?
    }
}

#[derive(Clone)]
struct Writer {
    pool: AnyPool,
    limits: Arc<Limits>,
    outbox: Arc<Outbox>,
}

async fn write(mut jobs: mpsc::Receiver<Job>, writer: Writer) {
    let mut batch = Vec::with_capacity(MOST_AT_ONCE);
    while jobs.recv_many(&mut batch, MOST_AT_ONCE).await > 0 {
        let taken = std::mem::replace(&mut batch, Vec::with_capacity(MOST_AT_ONCE));
        // Its own task, so that a panic while storing loses this lot's answers (their senders
        // see an error) but not the writer.
        let stored = tokio::spawn(store_batch(writer.clone(), taken)).await;
        if let Err(e) = stored {
            tracing::error!(error = %e, "the response writer failed on a batch");
        }
    }
}

/// Stores a batch together; if that fails, each response alone, so that one bad response
/// costs only its own sender.
async fn store_batch(writer: Writer, jobs: Vec<Job>) {
    if jobs.len() > 1 {
        match store(&writer, &jobs).await {
            Ok(outcomes) => {
                answer_all(&writer, jobs, outcomes);
                return;
            }
            Err(e) => {
                tracing::warn!(
                    error = %e,
                    responses = jobs.len(),
                    "storing responses together failed; storing them one by one"
                );
            }
        }
    }
    for job in jobs {
        let result = store(&writer, std::slice::from_ref(&job)).await;
        match result {
            Ok(outcomes) => answer_all(&writer, vec![job], outcomes),
            Err(e) => {
                let _ = job.answer.send(Err(e));
            }
        }
    }
}

fn answer_all(writer: &Writer, jobs: Vec<Job>, outcomes: Vec<Outcome>) {
    if outcomes.iter().any(|o| matches!(o, Outcome::Stored { .. })) {
        writer.outbox.wake();
    }
    for (job, outcome) in jobs.into_iter().zip(outcomes) {
        // A sender who has gone (closed the page) still has the receipt by e-mail.
        let _ = job.answer.send(Ok(outcome));
    }
}

/// One transaction: the limits counted, the responses within them stored, their receipts queued.
async fn store(writer: &Writer, jobs: &[Job]) -> Result<Vec<Outcome>, IntakeError> {
    let mut tx = crate::db::begin_write(&writer.pool).await?;
    let limited: Vec<(usize, &str)> = jobs
        .iter()
        .enumerate()
        .filter_map(|(i, j)| Some((i, j.submitted.limit_key.as_deref()?)))
        .collect();
    let keys: Vec<&str> = limited.iter().map(|(_, k)| *k).collect();
    let over = writer
        .limits
        .responses_over_limit_in(&mut tx, &keys)
        .await?;
    let mut over_by_job: Vec<Option<u64>> = vec![None; jobs.len()];
    for ((i, _), minutes) in limited.iter().zip(over) {
        over_by_job[*i] = minutes;
    }
    let taken: Vec<usize> = (0..jobs.len())
        .filter(|i| over_by_job[*i].is_none())
        .collect();
    let arrivals: Vec<&Arrival> = taken.iter().map(|i| &jobs[*i].submitted.arrival).collect();
    let stored = response_db::insert_batch(&mut tx, &arrivals, &writer.outbox, |k, id, at| {
        (jobs[taken[k]].submitted.receipt)(id, at)
    })
    .await?;
    let stored_count = stored.len();
    let mut stored = stored.into_iter();
    let outcomes = over_by_job
        .into_iter()
        .map(|over| match over {
            Some(minutes) => Some(Outcome::OverLimit { minutes }),
            None => stored
                .next()
                .map(|(id, created_at)| Outcome::Stored { id, created_at }),
        })
        .collect::<Option<Vec<_>>>()
        .ok_or(IntakeError::Short(stored_count))?;
    tx.commit().await?;
    Ok(outcomes)
}
