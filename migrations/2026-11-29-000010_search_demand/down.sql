DROP TABLE search_demand;
