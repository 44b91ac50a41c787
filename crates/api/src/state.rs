//! What every handler can reach: the connection pool and the settings they need.

use labour_store::Pool;

#[derive(Clone)]
pub struct AppState {
    pub pool: Pool,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("pool", &self.pool.status())
            .finish()
    }
}

impl AppState {
    pub async fn conn(&self) -> Result<labour_store::Conn, crate::errors::ApiError> {
        Ok(labour_store::db::get(&self.pool).await?)
    }
}
