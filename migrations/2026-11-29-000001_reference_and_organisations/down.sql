DROP TABLE organisations;
DROP TABLE ethnic_groups;
DROP TABLE vet_programmes;
DROP TABLE training_levels;
DROP TABLE occupations;
DROP TABLE occupation_groups;
DROP TABLE zones;
DROP TABLE communes;
