// Payment settings for the checkout page.
export const stripePublishableKey =
  "pk_live_51Iit6g9IypsMZ8ewqKb7pjAzbYelAwZwI9tW1uEDnmv47lfyXYcyYGTQSZMyJEBvQ0XIcOz1mtwzMESGE8J8siJzjQ6Dzvle9X";

// A secret key imported into client code: it ships to every browser.
export const stripeSecretKey =
  "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";
