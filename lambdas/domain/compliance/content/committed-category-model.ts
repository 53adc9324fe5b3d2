import { readModelArtifact } from '../../../../models/artifacts';
import { CategoryModel, type CategoryModelArtifact } from './category-model';

let model: CategoryModel | undefined;

/** The committed category classifier (`npm run train:gate-categories` writes it), read once per process on first use. */
export function committedCategoryModel(): CategoryModel {
  model ??= new CategoryModel(readModelArtifact('category-classifier.json') as CategoryModelArtifact);
  return model;
}
