// The media domain: resized product image renditions (WebP, AVIF). Other domains import it only through this file.
export {
  createImageRenditions,
  RENDITION_FORMATS,
  RENDITION_WIDTHS,
  renditionSources,
  type ImageRenditions,
  type ImageRenditionsOptions,
  type RenditionFormat,
  type RenditionResult,
} from './image-renditions.js';
export {
  createUploadedImages,
  uploadedImageId,
  uploadSources,
  type UploadedImage,
  type UploadedImages,
  type UploadedImagesDeps,
} from './uploaded-images.js';
