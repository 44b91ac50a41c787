DROP TABLE worker_profiles;
